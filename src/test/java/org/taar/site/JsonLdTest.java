package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonLdTest {
    @Test
    void agencyTextCannotEndTheScriptElementYetReadsBackTheSame() throws Exception {
        String headline = "ख़बर </script><script>alert(1)</script> <!-- a & b \u2028 c \u2029";
        String json = JsonLd.write(JsonLd.object().put("headline", headline));

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(json).as("other text stays as it is").contains("ख़बर").contains("\\u003C/script");
        assertThat(new ObjectMapper().readTree(json).path("headline").asText()).isEqualTo(headline);
    }
}
