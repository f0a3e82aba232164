package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.taar.SharedData;

/**
 * Tagging's words are read by hand; they must be exactly the words of the regular expression they
 * replaced, on every real headline and on text written to trip a hand-written scanner.
 */
class TagTextWordsTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}\\p{N}]+)*");

    private static List<String> byRegex(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) out.add(m.start() + ":" + m.group());
        return out;
    }

    private static List<String> byHand(String s) {
        List<String> out = new ArrayList<>();
        for (int start = TagText.nextWord(s, 0), end; start >= 0; start = TagText.nextWord(s, end)) {
            end = TagText.wordEnd(s, start);
            out.add(start + ":" + s.substring(start, end));
        }
        return out;
    }

    @Test
    void theWordsOfEveryRealHeadlineAreTheRegularExpressionsWords() throws Exception {
        int lines = 0;
        Path dir = SharedData.dir("hindi/l3cube-headlines");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    assertThat(byHand(line)).as(line).isEqualTo(byRegex(line));
                    lines++;
                }
            }
        }
        assertThat(lines).isGreaterThan(5_000);
    }

    @Test
    void edgesAndHostileTextReadTheSame() {
        String[] cases = {"", "'", "’’", "Modi's", "don't'", "'quoted'", "rock’n’roll", "a''b", "x'", "'x", "क़ानून।",
                "₹500 करोड़", "१२ जुलाई", "𝐀𝐁𝐂 𝟏𝟐", "😀word😀", "Ⅻ ½ ²", "a\u0301b", "\u0301", "end'",
                "abc\uD800", "\uDC00abc", "x\u200Dy", "U.S. and U.K.", "श्री-राम", "टाटा's"};
        for (String s : cases) assertThat(byHand(s)).as(s).isEqualTo(byRegex(s));
        assertThat(byHand("Modi's visit, ₹500")).containsExactly("0:Modi's", "7:visit", "15:500");
    }
}
