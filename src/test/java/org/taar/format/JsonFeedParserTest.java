package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.printed;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

class JsonFeedParserTest {
    private final JsonFeedParser parser = new JsonFeedParser();

    private List<NewsItem> items(String fixture) throws ParseException {
        return parser.parse(bytes("feeds/" + fixture), CTX).items();
    }

    @Test
    void acceptsOnlyJsonWithAJsonFeedVersion() {
        assertThat(parser.accepts(bytes("feeds/jsonfeed-1.1.json"))).isTrue();
        assertThat(parser.accepts(bytes("feeds/jsonfeed-1.0.json"))).isTrue();
        assertThat(parser.accepts(utf8("{\"version\": \"1.1\", \"items\": []}"))).isFalse();
        assertThat(parser.accepts(utf8("[{\"version\": \"https://jsonfeed.org/version/1.1\"}]"))).isFalse();
        assertThat(parser.accepts(utf8("{broken"))).isFalse();
    }

    @Test
    void version11ItemFields() throws Exception {
        NewsItem first = items("jsonfeed-1.1.json").get(0);
        assertThat(first.uri()).isEqualTo("urn:taar:janpath-2025-0712-01");
        assertThat(first.link()).isEqualTo("https://janpath.example.in/2025/07/12/varsha");
        assertThat(first.headline()).isEqualTo("उत्तराखंड में भारी वर्षा");
        assertThat(first.summary()).isEqualTo("भारी वर्षा की चेतावनी");
        assertThat(first.byline()).isEqualTo("अनीता, विकास");
        assertThat(first.tags()).containsExactly("मौसम", "उत्तराखंड");
        assertThat(first.language()).isEqualTo("hi");
        assertThat(first.firstCreated()).isEqualTo(Instant.parse("2025-07-12T03:45:00Z"));
        assertThat(first.versionCreated()).isEqualTo(Instant.parse("2025-07-12T04:30:00Z"));
    }

    @Test
    void contentHtmlIsCleanedWithAbsoluteUrlsAndTheImageIsTheLeadPicture() throws Exception {
        NewsItem first = items("jsonfeed-1.1.json").get(0);
        assertThat(first.leadPicture().uri()).isEqualTo("https://janpath.example.in/img/lead.jpg");
        String body = printed(first.bodyHtml());
        assertThat(body).doesNotContain("lead.jpg")
                .contains("href=\"https://janpath.example.in/mausam\"")
                .contains("src=\"https://janpath.example.in/img/v.jpg\"")
                .doesNotContain("script").doesNotContain("onload");
    }

    @Test
    void untitledItemIsKeptWithItsOwnLanguage() throws Exception {
        NewsItem second = items("jsonfeed-1.1.json").get(1);
        assertThat(second.headline()).isNull();
        assertThat(second.bodyHtml()).contains("बिना शीर्षक का छोटा संदेश");
        assertThat(second.uri()).isEqualTo("urn:taar:42");
        assertThat(second.language()).isEqualTo("en");
        assertThat(second.byline()).isEqualTo("जनपथ डेस्क");
        assertThat(second.warnings()).contains("no title", "date_published 'yesterday' is not a date; ignored");
    }

    @Test
    void itemWithOnlyAnIdIsKeptAndNonObjectsAreSkippedWithAWarning() throws Exception {
        ParseResult r = parser.parse(bytes("feeds/jsonfeed-1.1.json"), CTX);
        assertThat(r.items()).hasSize(3);
        assertThat(r.items().get(2).uri()).isEqualTo("urn:taar:empty");
        assertThat(r.items().get(2).headline()).isNull();
        // The feed's author is inherited, not the entry's own: it does not make "not an object" an item.
        assertThat(r.warnings()).containsExactly("item 4: empty (no title, text, link, id, date or media); skipped");
    }

    @Test
    void version10AuthorContentTextAndExternalUrl() throws Exception {
        List<NewsItem> items = items("jsonfeed-1.0.json");
        assertThat(items.get(0).byline()).isEqualTo("Item Author");
        assertThat(items.get(0).bodyHtml()).isEqualTo("<p>Line one.</p><p>Line two.</p>");
        assertThat(items.get(0).link()).isEqualTo("https://elsewhere.example.com/x");
        assertThat(items.get(0).uri()).isEqualTo("https://old.example.org/1");
        assertThat(items.get(1).byline()).isEqualTo("Feed Author");
        assertThat(items.get(1).bodyHtml()).isEqualTo("<p>Only a summary here</p>");
        assertThat(items.get(1).leadPicture().uri()).isEqualTo("https://old.example.org/banner.png");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [}"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("invalid JSON at line 2");
    }

    @Test
    void jsonWithoutTheVersionIsRefused() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"items\": []}"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("not a JSON Feed");
    }
}
