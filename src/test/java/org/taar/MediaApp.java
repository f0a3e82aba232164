package org.taar;

import java.util.List;
import java.util.Optional;
import org.taar.config.Config;
import org.taar.enrich.Enricher;
import org.taar.enrich.Gazetteer;
import org.taar.format.Attachment;
import org.taar.format.Formats;
import org.taar.format.WireTextParser;
import org.taar.intake.DeliveryResult;
import org.taar.pipeline.Pipeline;
import org.taar.story.Outcome;
import org.taar.text.Slugger;

/**
 * An App whose pipeline also reads {@link ScriptedItems}, for the media tests: the store, archive,
 * publisher and media rows are App's own; only the parse stage knows the scripted format.
 */
public final class MediaApp implements AutoCloseable {
    public final App app;
    public final Pipeline pipeline;
    public final ScriptedItems items = new ScriptedItems();

    public MediaApp(Config config, MutableClock clock) {
        app = new App(config, clock);
        pipeline = new Pipeline(config, app.archive, new Formats(List.of(items, new WireTextParser())),
                App.normalizer(config, clock), new Enricher(config.site(), new Slugger(), Gazetteer.standard(),
                        Optional.empty()), app.rules, app.stories, app.writes, clock, app.publisher::nudge);
    }

    /** Delivers the scripted items of {@code key} from source "ians" by push, with these attachments. */
    public DeliveryResult deliver(byte[] scripted, Attachment... attachments) {
        DeliveryResult r = pipeline.deliver("ians", "push", "story.xml", scripted, null, List.of(attachments));
        app.publisher.catchUp();
        return r;
    }

    /** The one outcome of a delivery of one item. */
    public Outcome one(byte[] scripted, Attachment... attachments) {
        DeliveryResult r = deliver(scripted, attachments);
        if (r.outcomes().size() != 1) throw new AssertionError("expected one outcome, got " + r.outcomes());
        return r.outcomes().get(0);
    }

    public static long storyId(Outcome o) {
        return Long.parseLong(o.url().replaceAll(".*-", ""));
    }

    @Override
    public void close() {
        app.close();
    }
}
