package org.taar;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world material in ../shared/data (read in place, never copied: its licences). Without
 * it a test is skipped with a message, except with CI=true, where it must be there: a corpus test
 * that skips in CI would let a regression on real copy land unseen.
 */
public final class SharedData {
    private SharedData() {}

    /** The folder {@code sub} of the shared data, as Maven's surefire names it (property taar.shared.data). */
    public static Path dir(String sub) {
        String root = System.getProperty("taar.shared.data");
        if (root == null) return missing("system property taar.shared.data is not set (run the tests through Maven)");
        Path dir = Path.of(root).resolve(sub);
        if (!Files.isDirectory(dir)) return missing("shared test data not found at " + dir.normalize());
        return dir;
    }

    private static Path missing(String why) {
        if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(why + ", and CI=true: it must be there");
        Assumptions.abort(why + "; skipping");
        return null;
    }
}
