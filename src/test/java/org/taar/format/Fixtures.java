package org.taar.format;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.taar.text.HtmlSanitizer;

/** Fixtures written for these tests (classpath format/...) and the shared corpus beside the project. */
final class Fixtures {
    static final ParseContext CTX = new ParseContext("ians-drop", Instant.parse("2025-07-12T06:00:00Z"));

    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    private Fixtures() {}

    /**
     * A parsed body as {@code taar parse} prints it and the pipeline stores it: parsers only convert markup,
     * the normalize stage's one sanitizer makes it safe.
     */
    static String printed(String bodyHtml) {
        return SANITIZER.sanitize(bodyHtml);
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/format/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture format/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** ../shared/data/SUB: see {@link org.taar.SharedData}. */
    static Path sharedData(String sub) {
        return org.taar.SharedData.dir(sub);
    }
}
