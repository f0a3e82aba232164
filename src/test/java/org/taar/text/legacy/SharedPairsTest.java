package org.taar.text.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taar.SharedData;

/**
 * Every word pair in the shared legacy-font corpus (read in place, never copied: its licence), per font.
 * Prints the accuracy and the misses, then requires all of them to match after NFC.
 */
class SharedPairsTest {

    @ParameterizedTest
    @CsvSource({"krutidev010_to_unicode.tsv, KRUTIDEV", "walkman_chanakya905_to_unicode.tsv, WALKMAN",
            "chanakya_to_unicode.tsv, CHANAKYA"})
    void everySharedPairConverts(String file, LegacyFont font) throws Exception {
        Path path = SharedData.dir("legacy-fonts").resolve(file);
        assertThat(path).as("a table of the shared legacy-font corpus").isRegularFile();
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("legacy\t")) continue;
            String[] cols = line.split("\t", -1);
            total++;
            String expected = Normalizer.normalize(cols[1], Normalizer.Form.NFC);
            String got = font.converter().toUnicode(cols[0]);
            if (!expected.equals(got)) misses.add(cols[0] + " -> " + got + " (expected " + expected + ")");
        }
        System.out.printf("%s on %s: %d/%d exact after NFC%n", font, file, total - misses.size(), total);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(total).isPositive();
        assertThat(misses).isEmpty();
    }

}
