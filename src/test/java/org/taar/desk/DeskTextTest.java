package org.taar.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The desk's Hindi and English words stay in step: every key in both, the same placeholders, no blank word. */
class DeskTextTest {
    @Test
    void hindiAndEnglishHaveTheSameKeysAndPlaceholders() {
        Map<String, String> en = DeskText.words("en"), hi = DeskText.words("hi");
        assertThat(new TreeSet<>(hi.keySet())).isEqualTo(new TreeSet<>(en.keySet()));
        for (String key : en.keySet()) {
            assertThat(en.get(key)).as(key).isNotBlank();
            assertThat(hi.get(key)).as(key).isNotBlank();
            assertThat(placeholders(hi.get(key))).as("placeholders of " + key).isEqualTo(placeholders(en.get(key)));
        }
    }

    @Test
    void aMissingWordShowsItsKeyAndPlaceholdersAreFilled() {
        DeskText t = DeskText.of("hi");
        assertThat(t.lang()).isEqualTo("hi");
        assertThat(t.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(t.get("frame.held", 3)).contains("3").doesNotContain("{0}");
        assertThat(DeskText.of("fr").lang()).as("anything else is English").isEqualTo("en");
        assertThat(DeskText.of(null).lang()).isEqualTo("en");
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }
}
