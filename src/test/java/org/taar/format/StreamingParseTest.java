package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/** Feed parsers hand items on as they read them, and never hide a failure of whoever takes them. */
class StreamingParseTest {
    private static final ParseContext CTX = new ParseContext("test", Instant.parse("2025-07-12T05:49:00Z"));
    private final Formats formats = Formats.standard();

    private static byte[] rss(int items, boolean truncated) {
        StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><link>https://example.in/</link>");
        for (int i = 1; i <= items; i++) {
            b.append("<item><title>ख़बर ").append(i).append("</title><guid>urn:s:").append(i)
                    .append("</guid><description>पाठ</description></item>");
        }
        if (!truncated) b.append("</channel></rss>");
        else b.append("<item><title>टूटी");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rssItemsReachTheSinkBeforeTheDocumentEnds() throws Exception {
        List<String> seen = new ArrayList<>();
        ParseResult r = formats.parse(rss(3, true), null, CTX, item -> seen.add(item.headline()));
        assertThat(seen).containsExactly("ख़बर 1", "ख़बर 2", "ख़बर 3");
        assertThat(r.items()).as("streamed items are not also collected").isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("feed truncated") && w.contains("3 items kept"));
    }

    @Test
    void collectingParseGivesTheSameItems() throws Exception {
        assertThat(formats.parse(rss(3, false), null, CTX).items()).extracting(NewsItem::uri)
                .containsExactly("urn:s:1", "urn:s:2", "urn:s:3");
    }

    @Test
    void failureOfTheSinkIsNotMistakenForABrokenFeed() {
        byte[] atom = ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
                + "<entry><id>urn:e:1</id><title>एक</title><updated>2025-07-12T05:49:00Z</updated></entry>"
                + "<entry><id>urn:e:2</id><title>दो</title><updated>2025-07-12T05:49:00Z</updated></entry></feed>")
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] doc : List.of(rss(2, false), atom)) {
            assertThatThrownBy(() -> formats.parse(doc, null, CTX, item -> {
                throw new IllegalStateException("store is down");
            })).isInstanceOf(IllegalStateException.class).hasMessage("store is down");
        }
    }
}
