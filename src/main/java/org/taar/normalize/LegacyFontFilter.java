package org.taar.normalize;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.taar.item.NewsItem;
import org.taar.text.legacy.LegacyFont;
import org.taar.text.legacy.LegacyFontDetector;

/**
 * Converts Hindi typed in Kruti Dev or Chanakya to Unicode, because some agencies still send it that way and
 * readers would see Latin gibberish; only items in Hindi or of unknown language are looked at.
 */
public final class LegacyFontFilter implements ItemFilter {
    private final LegacyFontDetector legacyFonts;

    public LegacyFontFilter(LegacyFontDetector legacyFonts) {
        this.legacyFonts = legacyFonts;
    }

    @Override
    public NewsItem apply(NewsItem item) {
        if (!(item.language() == null || item.language().isBlank() || item.language().equals("hi"))) return item;
        NewsItem.Builder b = item.toBuilder();
        b.bodyHtml = convert(b, item.bodyHtml());
        return b.build();
    }

    /**
     * The font is decided on headline, summary and body together (more text, surer answer); each field is
     * converted only if it holds legacy text itself, and in the body only text nodes, so tags, attributes and
     * links keep their bytes. Returns the body, converted or as it was.
     */
    private String convert(NewsItem.Builder b, String body) {
        Document doc = body == null ? null : Jsoup.parseBodyFragment(body);
        String bodyText = doc == null ? "" : doc.body().text();
        String all = String.join("\n", b.headline == null ? "" : b.headline, b.summary == null ? "" : b.summary, bodyText);
        Optional<LegacyFont> font = legacyFonts.detect(all);
        if (font.isEmpty()) return body;
        LegacyFont f = font.get();
        b.headline = convertField(b.headline, f);
        b.subheadline = convertField(b.subheadline, f);
        b.summary = convertField(b.summary, f);
        if (doc != null && legacyFonts.detect(bodyText).isPresent()) {
            for (var e : doc.body().select("*")) {
                for (TextNode t : e.textNodes()) t.text(LegacyFontDetector.convertSpans(t.getWholeText(), f));
            }
            body = doc.body().html();
        }
        b.warn("legacy font " + f.displayName() + " converted");
        return body;
    }

    // A headline of four words may be too short to judge alone, but it shares the item's font when it is legacy
    // at all: it must not look like real Latin text (no English words), which the detector's verdict says.
    private String convertField(String s, LegacyFont f) {
        if (s == null || s.isBlank()) return s;
        if (legacyFonts.detect(s).isEmpty() && !legacyFonts.couldBe(s)) return s;
        return LegacyFontDetector.convertSpans(s, f);
    }
}
