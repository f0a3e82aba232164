package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.taar.SharedData;

/**
 * The words that skip the key cache are exactly those whose key is themselves: checked on every
 * word of the real L3Cube headlines and on the spellings the folding exists for.
 */
class TagTextKeyTest {
    private static String fullKey(String word) {
        // The cached path, whatever the fast path would say.
        try {
            var m = TagText.class.getDeclaredMethod("keyOf", String.class);
            m.setAccessible(true);
            return (String) m.invoke(null, word);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWordTakenAsItsOwnKeyIsItsOwnKey() throws Exception {
        List<String> words = new ArrayList<>(List.of("ज़मीन", "जमीन", "गाँधी", "नरेन्द्र", "नरेंद्र", "सम्बन्ध", "क़ानून", "ऩ",
                "Modi", "modi", "ipl2024", "मुंबई", "दिल्ली", "भारत", "café", "Москва", "ऋषि", "क्षेत्र", "अङ्क", "पञ्च",
                "कण्ठ", "उदा\u0951हरण", "सिंह", "\u0958\u093F"));
        Path dir = SharedData.dir("hindi/l3cube-headlines");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (TagText.Token t : TagText.tokens(line)) words.add(t.surface());
                }
            }
        }
        int own = 0;
        for (String w : words) {
            String nfc = java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFC);
            if (TagText.isKey(nfc)) {
                own++;
                assertThat(fullKey(nfc)).as(nfc).isEqualTo(nfc);
            }
            assertThat(TagText.key(nfc)).as(nfc).isEqualTo(fullKey(nfc));
        }
        assertThat(words).hasSizeGreaterThan(50_000);
        assertThat(own).as("most words skip the cache").isGreaterThan(words.size() / 2);
        assertThat(TagText.isKey("ज़मीन")).isFalse();
        assertThat(TagText.isKey("नरेन्द्र")).isFalse();
        assertThat(TagText.isKey("Modi")).isFalse();
    }
}
