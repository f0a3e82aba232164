package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.taar.Taar;

/** taar convert-font: stdin to stdout line by line, exit 64 on an unknown font. */
class ConvertFontCliTest {
    private record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new Run(Taar.run(args), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void convertsEachLine() {
        Run r = run("fnYyh esa ckfj'k\nd+ye 2024\n", "convert-font", "--from", "krutidev");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("दिल्ली में बारिश\n" + java.text.Normalizer.normalize("क़लम 2024", java.text.Normalizer.Form.NFC) + "\n");
    }

    @Test
    void walkmanAndChanakya() {
        assertThat(run("osQ\n", "convert-font", "--from", "walkman").out()).isEqualTo("के\n");
        assertThat(run("çßÁØ\n", "convert-font", "--from", "CHANAKYA").out()).isEqualTo("विजय\n");
    }

    @Test
    void unknownFontIsAUsageError() {
        Run r = run("x\n", "convert-font", "--from", "mangal");
        assertThat(r.exit()).isEqualTo(64);
        assertThat(r.err()).contains("krutidev");
        assertThat(run("x\n", "convert-font").exit()).isEqualTo(64);
    }

    @Test
    void takesTheCommonOptionsLikeEveryCommandAndNeedsNoDataDirectory() {
        Run r = run("osQ\n", "convert-font", "--from", "walkman", "--data", "/nonexistent/taar-data",
                "--db", "jdbc:postgresql://127.0.0.1:1/none", "--config", "/nonexistent/taar.yml", "--debug");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("के\n");
    }
}
