package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.format.ParseContext;
import org.taar.format.ParseResult;
import org.taar.format.RssParser;
import org.taar.item.NewsItem;
import org.taar.story.Story;

class RssFeedTest {
    @TempDir Path dir;

    @Test
    void aHeadlineWithMarkupCharactersReadsBackAsWrittenAndFullTextOnlyWhereLicensed() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            Fixtures.publish(app, Fixtures.wire("urn:rss:amp", 1, null, "भारत & <पाक> \"मैच\"", "खेल"));
            List<Story> stories = app.listings.inSection("sports", 50, 0);

            byte[] summaries = new RssFeed(app.config.site(), source -> false).channel("sports", stories);
            ParseResult parsed = new RssParser().parse(summaries, new ParseContext("taar", Instant.EPOCH));
            assertThat(parsed.warnings()).isEmpty();
            NewsItem item = parsed.items().get(0);
            assertThat(item.headline()).isEqualTo("भारत & <पाक> \"मैच\"");
            assertThat(item.link()).isEqualTo(Feeds.base(app.config.site()) + stories.get(0).path());
            String xml = new String(summaries, StandardCharsets.UTF_8);
            assertThat(xml).contains("&amp;").contains("&lt;पाक").doesNotContain("content:encoded>")
                    .contains("<lastBuildDate>Sat, 12 Jul 2025 05:49:00 GMT</lastBuildDate>");

            byte[] full = new RssFeed(app.config.site(), source -> true).channel(null, stories);
            assertThat(new String(full, StandardCharsets.UTF_8)).contains("<content:encoded>");
        }
    }
}
