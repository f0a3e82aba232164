package org.taar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.taar.story.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taar ingest}: the whole pipeline on files, one JSON line per resulting story version. */
@Command(name = "ingest", description = "run the whole pipeline on files, as if from a drop folder")
public final class IngestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin CommonOptions common;
    @Option(names = "--source", defaultValue = "local", description = "source name (default ${DEFAULT-VALUE})") String source;
    @Option(names = "--format", description = "skip detection: rss, atom, jsonfeed, newsmlg2, newsml, nitf, iptc7901, anpa1312, ninjs, wxr, wiretext") String format;
    @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

    private final Wiring wiring;

    public IngestCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int exit = Exit.OK;
        try (Node node = wiring.open(common.load())) {
            for (Path file : files) {
                List<Outcome> outcomes;
                try {
                    byte[] content = Files.readAllBytes(file);
                    outcomes = node.pipeline().deliver(source, "file", file.toString(), content, format).outcomes();
                } catch (IOException e) {
                    outcomes = List.of(Outcome.rejected(file.toString(), "cannot read file: " + e.getMessage()));
                }
                for (Outcome o : outcomes) {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("file", file.toString());
                    line.put("uri", o.uri());
                    line.put("version", o.version() == null ? null : String.valueOf(o.version()));
                    line.put("status", o.status().label());
                    line.put("url", o.url());
                    line.put("reason", o.reason());
                    out.println(line);
                    if (o.isRejected()) exit = Exit.DATAERR;
                }
            }
            // The stories are out; their pictures are made now, so they are there when the command ends.
            node.mediaPass();
        }
        return exit;
    }
}
