package org.taar.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.taar.store.EventLog;
import org.taar.store.Listings;

/**
 * The sample stories `taar serve --demo` starts with: a dozen Hindi wire stories written for
 * Taar, delivered through the normal pipeline as source "demo", so the demo site is built the
 * way a real one is.
 */
public final class DemoContent {
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    public static final String SOURCE = "demo";

    private final Deliveries pipeline;
    private final Listings stories;
    private final EventLog events;

    public DemoContent(Deliveries pipeline, Listings stories, EventLog events) {
        this.events = events;
        this.pipeline = pipeline;
        this.stories = stories;
    }

    /** Loads the stories unless the store already holds any, so a restart adds nothing. */
    public int loadIfEmpty() {
        if (!stories.latest(1, 0).isEmpty() || events.lastEventSeq() > 0) return 0;
        int loaded = 0;
        for (String name : names()) {
            byte[] content = resource(name).getBytes(StandardCharsets.UTF_8);
            DeliveryResult r = pipeline.deliver(SOURCE, "demo", name, content, null);
            if (r.rejected()) throw new IllegalStateException("demo story " + name + " was rejected: " + r.error());
            loaded++;
        }
        log.info("demo stories loaded count={}", loaded);
        return loaded;
    }

    static List<String> names() {
        return resource("index.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) throw new IllegalStateException("missing demo resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
