package org.taar.normalize;

import java.util.Optional;
import org.taar.item.KillSignal;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

/**
 * An advisory sent as an ordinary item (a Hindi "इस खबर को न चलाएं" in IPTC 7901, an English
 * "KILL" in a feed) becomes a kill, whatever its format: pubstatus canceled and a typed signal naming
 * the story it withdraws. Last in the chain, because {@link KillAdvisories} reads the cleaned text.
 */
public final class KillSignalFilter implements ItemFilter {
    @Override
    public NewsItem apply(NewsItem item) {
        if (item.pubstatus() == PubStatus.CANCELED) return item;
        Optional<KillAdvisory> a = KillAdvisories.recognize(item);
        if (a.isEmpty()) return item;
        NewsItem.Builder b = item.toBuilder();
        b.pubstatus = PubStatus.CANCELED;
        if (b.kill == null) b.kill = signal(a.get(), item.uri());
        b.warn("kill advisory (" + a.get().kind() + ")");
        return b.build();
    }

    /** The advisory as a typed signal: the story it names by the surest reference it gives. */
    static KillSignal signal(KillAdvisory a, String ownUri) {
        String uri = a.uris().stream().filter(u -> !u.equals(ownUri)).findFirst().orElse(null);
        if (uri != null) return KillSignal.uri(a.kind(), uri);
        if (a.slug() != null) return KillSignal.slug(a.kind(), a.slug());
        String headline = a.headlines().stream().filter(h -> !h.isBlank()).findFirst().orElse(null);
        return headline != null ? KillSignal.headline(a.kind(), headline) : KillSignal.unnamed(a.kind());
    }
}
