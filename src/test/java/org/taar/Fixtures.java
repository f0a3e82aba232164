package org.taar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.taar.intake.DeliveryResult;

/** Small wire stories written for these tests. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wire-text story; change uri, version or status to make versions of one story. */
    public static byte[] wire(String uri, int version, String status, String headline, String section) {
        String text = "Headline: " + headline + "\n"
                + "Summary: सारांश: " + headline + "\n"
                + "Section: " + section + "\n"
                + "Tags: केरल, मौसम विभाग\n"
                + "Agency: IANS\n"
                + "URI: " + uri + "\n"
                + "Version: " + version + "\n"
                + (status == null ? "" : "Status: " + status + "\n")
                + "\n"
                + "तिरुवनंतपुरम, 29 मई (आईएएनएस)। " + headline + " पर पहला अनुच्छेद।\n\n"
                + "दूसरा अनुच्छेद, जिसमें और जानकारी है।\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Delivers one story as source "ians", expects one outcome, and lets the publisher catch up. */
    public static org.taar.story.Outcome publish(App app, byte[] content) {
        DeliveryResult r = app.pipeline.deliver("ians", "file", "story.txt", content, null);
        if (r.outcomes().size() != 1) throw new AssertionError("expected one outcome, got " + r.outcomes());
        app.publisher.catchUp();
        return r.outcomes().get(0);
    }
}
