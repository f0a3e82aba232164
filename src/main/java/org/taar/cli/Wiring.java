package org.taar.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.taar.config.Config;
import org.taar.format.Formats;
import org.taar.normalize.Normalizer;

/** How commands get the components App builds, without the command line importing App (it sits above). */
public interface Wiring {
    /** Opens the store and builds every component on it. */
    Node open(Config config);

    /** The parse stage alone, for commands that need no store. */
    Formats formats(Config config);

    /** The normalize stage alone. */
    Normalizer normalizer(Config config, Clock clock);

    /** Where the section model is trained to and read from. */
    Path sectionModelFile(Config config);
}
