package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponsesTest {
    @Test
    void anErrorPageNamesItsStatusAndLinksHomeWithoutBeingIndexed() {
        assertThat(Responses.errorHtml(414)).contains("<title>414 URI Too Long</title>", "<h1>414 URI Too Long</h1>",
                "noindex", "href=\"/\"");
        assertThat(Responses.errorHtml(599)).contains("<h1>599 ");
        assertThat(Responses.errorPage(400).status()).isEqualTo(400);
        assertThat(Responses.errorPage(400).contentType()).isEqualTo("text/html; charset=utf-8");
    }
}
