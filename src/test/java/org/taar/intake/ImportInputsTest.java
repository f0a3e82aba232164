package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.intake.ImportInputs.Doc;

/**
 * A JSON Lines archive is split on its newline bytes, whatever the reading's block size: lines
 * longer than a block, a last line without a newline, blank lines and CRLF; a line over the limit
 * is refused unread, and the lines after it are read as usual.
 */
class ImportInputsTest {
    @TempDir Path dir;

    private List<Doc> read(byte[] file, long maxBytes) throws Exception {
        Path p = dir.resolve("archive.jsonl");
        Files.write(p, file);
        ImportInputs.Input in = ImportInputs.open(p, maxBytes);
        List<Doc> docs = new ArrayList<>();
        in.each(docs::add);
        assertThat(in.read()).as("every byte counted for progress").isEqualTo(file.length);
        return docs;
    }

    private static String text(Doc d) {
        return new String(d.content(), StandardCharsets.UTF_8);
    }

    @Test
    void linesAreSplitOnNewlinesAcrossBlocks() throws Exception {
        String longLine = "{\"headline\":\"" + "ख़बर ".repeat(30_000) + "\"}"; // 330 KB, five blocks
        String file = "{\"uri\":\"a\"}\n\n" + longLine + "\r\n   \n{\"uri\":\"b\"}";
        List<Doc> docs = read(file.getBytes(StandardCharsets.UTF_8), 1_000_000);
        assertThat(docs).extracting(Doc::name).containsExactly("archive.jsonl:1", "archive.jsonl:3", "archive.jsonl:5");
        assertThat(text(docs.get(0))).isEqualTo("{\"uri\":\"a\"}");
        assertThat(text(docs.get(1))).isEqualTo(longLine + "\r");
        assertThat(text(docs.get(2))).as("the last line needs no newline").isEqualTo("{\"uri\":\"b\"}");
        assertThat(docs).allMatch(d -> d.tooLarge() == 0);
    }

    @Test
    void aLineOverTheLimitIsRefusedUnreadAndTheNextIsRead() throws Exception {
        String big = "x".repeat(200_000);
        String file = big + "\n{\"uri\":\"after\"}\n" + big;
        List<Doc> docs = read(file.getBytes(StandardCharsets.UTF_8), 100_000);
        assertThat(docs).extracting(Doc::name).containsExactly("archive.jsonl:1", "archive.jsonl:2", "archive.jsonl:3");
        assertThat(docs.get(0).tooLarge()).isEqualTo(200_000);
        assertThat(docs.get(0).content()).isEmpty();
        assertThat(text(docs.get(1))).isEqualTo("{\"uri\":\"after\"}");
        assertThat(docs.get(2).tooLarge()).as("also the last line, without a newline").isEqualTo(200_000);
    }

    @Test
    void anEmptyFileHasNoDocuments() throws Exception {
        assertThat(read(new byte[0], 1000)).isEmpty();
        assertThat(read("\n\n \r\n".getBytes(StandardCharsets.UTF_8), 1000)).isEmpty();
    }
}
