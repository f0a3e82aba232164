import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.taar.App;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.format.NinjsParser;

/**
 * The import benchmark's two halves that need Java: writing the archive (N generated Hindi stories
 * as JSON Lines of ninjs, bench/serve's StoryWriter: as distinct as real copy) and the baseline,
 * the same stories delivered one at a time through the live pipeline (what loading an archive
 * cost before `taar import`: one delivery, one archive fsync and one transaction per story).
 *
 * <p>Usage: ImportBench write FILE --stories N --headlines DIR [--days D, default 3650: a decade]
 * <br>ImportBench baseline FILE --data DIR [--db URL] --stories M
 */
public final class ImportBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        int stories = 0;
        Path headlines = null, data = null;
        String db = null;
        int days = 3650;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--stories" -> stories = Integer.parseInt(args[++i]);
                case "--headlines" -> headlines = Path.of(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--db" -> db = args[++i];
                case "--days" -> days = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (mode.equals("write")) write(file, stories, headlines, days);
        else baseline(file, data, db, stories);
    }

    private static void write(Path file, int stories, Path headlines, int days) throws Exception {
        StoryWriter writer = new StoryWriter(7, StoryWriter.realHeadlines(headlines));
        Instant end = Instant.now().minus(Duration.ofDays(1));
        long span = Duration.ofDays(days).toMillis();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < stories; n++) {
                // --days of copy (a decade by default), oldest first, as an archive export would list it.
                Instant created = end.minusMillis(span - span * n / Math.max(1, stories));
                StoryWriter.Story s = writer.story(n, created);
                ObjectNode o = ninjs(s, "urn:bench:import:" + n);
                w.write(o.toString());
                w.write('\n');
            }
        }
    }

    /** A generated story as the ninjs document an agency would send. */
    static ObjectNode ninjs(StoryWriter.Story s, String uri) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uri", uri);
        o.put("type", "text");
        o.put("language", "hi");
        o.put("headline", s.headline());
        o.put("description_text", s.summary());
        StringBuilder body = new StringBuilder();
        for (String p : s.paragraphs()) body.append("<p>").append(p).append("</p>");
        o.put("body_html", body.toString());
        o.put("versioncreated", s.created().toString());
        o.put("firstcreated", s.created().toString());
        var subject = o.putArray("subject");
        subject.addObject().put("name", s.section());
        var keywords = o.putArray("keywords");
        s.tags().forEach(keywords::add);
        return o;
    }

    private static void baseline(Path file, Path data, String db, int stories) throws Exception {
        Config config = new ConfigLoader(System.getenv()).load(data, null, db);
        List<String> lines = new ArrayList<>();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < stories && (line = in.readLine()) != null) lines.add(line);
        }
        int published = 0;
        long began;
        try (App app = new App(config, java.time.Clock.systemUTC())) {
            began = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                var r = app.pipeline.deliver("archive", "file", "line-" + i, lines.get(i).getBytes(StandardCharsets.UTF_8),
                        NinjsParser.NAME);
                if (!r.rejected()) published += r.outcomes().size();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("baseline: %d stories delivered one at a time in %.1f s: %.1f stories/s%n", published, seconds,
                published / seconds);
    }
}
