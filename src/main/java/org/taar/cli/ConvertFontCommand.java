package org.taar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.taar.text.legacy.LegacyFont;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taar convert-font}: a filter from stdin to stdout. It takes the common options like every
 * command, but reads no configuration and opens no store: a font conversion needs neither.
 */
@Command(name = "convert-font", description = "legacy Hindi font text (stdin) to Unicode NFC (stdout), line by line",
        footer = "--data, --db and --config are accepted, like every command's, and ignored: a font conversion "
                + "reads no configuration and opens no store.")
public final class ConvertFontCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--from", required = true, description = "krutidev, walkman or chanakya") String from;

    @Override
    public Integer call() throws IOException {
        common.quietLogs(true);
        var font = LegacyFont.byName(from);
        if (font.isEmpty()) {
            System.err.println("taar: --from must be krutidev, walkman or chanakya, not " + from);
            return Exit.USAGE;
        }
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) out.print(font.get().converter().toUnicode(line) + "\n");
        out.flush();
        return Exit.OK;
    }
}
