package org.taar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.taar.config.Config;
import org.taar.format.Formats;
import org.taar.format.NinjsWriter;
import org.taar.format.ParseContext;
import org.taar.format.ParseException;
import org.taar.format.ParseResult;
import org.taar.item.NewsItem;
import org.taar.normalize.Normalizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taar parse}: parse and normalize only, one JSON line per file; never opens the store. */
@Command(name = "parse", description = "parse files and print ninjs 2.1 items as JSON Lines",
        footer = "--db is accepted, like every command's, and ignored: parse never opens the store.")
public final class ParseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin CommonOptions common;
    @Option(names = "--format", description = "skip detection: rss, atom, jsonfeed, newsmlg2, newsml, nitf, iptc7901, anpa1312, ninjs, wxr, wiretext") String format;
    @Option(names = "--source", defaultValue = "local", description = "source name for derived uris") String source;
    @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

    private final Wiring wiring;

    public ParseCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    private static final java.util.regex.Pattern ITEM_LABEL = java.util.regex.Pattern.compile("item \\d+: ");

    @Override
    public Integer call() {
        common.quietLogs(true);
        Config config = common.load();
        Clock clock = Clock.systemUTC();
        Formats formats = wiring.formats(config);
        Normalizer normalizer = wiring.normalizer(config, clock);
        NinjsWriter ninjs = new NinjsWriter();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int exit = Exit.OK;
        for (Path file : files) {
            ObjectNode line = JSON.createObjectNode();
            line.put("file", file.toString());
            ArrayNode items = JSON.createArrayNode();
            ArrayNode warnings = JSON.createArrayNode();
            String error = null;
            String format = null;
            try {
                ParseResult r = formats.parse(Files.readAllBytes(file), this.format,
                        new ParseContext(source, clock.instant()));
                format = r.format();
                r.warnings().forEach(warnings::add);
                int n = 0;
                for (NewsItem raw : r.items()) {
                    n++;
                    NewsItem item = normalizer.normalize(raw);
                    items.add(ninjs.toNinjs(item));
                    // Prefixed once: a parser that numbers its own entries has said which item already.
                    for (String w : item.warnings()) warnings.add(ITEM_LABEL.matcher(w).lookingAt() ? w : "item " + n + ": " + w);
                }
            } catch (ParseException | IOException e) {
                error = e instanceof IOException ? "cannot read file: " + e.getMessage() : e.getMessage();
                exit = Exit.DATAERR;
            }
            line.put("format", format);
            line.set("items", items);
            line.set("warnings", warnings);
            line.put("error", error);
            out.println(line);
        }
        return exit;
    }
}
