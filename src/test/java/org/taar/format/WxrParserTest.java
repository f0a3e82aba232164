package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.item.NewsItem;

/** A WordPress export, written for these tests in the shape WordPress 6 writes (WXR 1.2). */
class WxrParserTest {
    private static ParseResult export() throws Exception {
        return Formats.standard().parse(bytes("wxr/portal-export.xml"), null, CTX);
    }

    private static NewsItem post(ParseResult r, int id) {
        return r.items().stream().filter(i -> i.uri().equals("https://purana.example/?p=" + id)).findFirst().orElseThrow();
    }

    @Test
    void anExportIsSniffedAndOnlyItsPublishedAndScheduledPostsAreItems() throws Exception {
        ParseResult r = export();
        assertThat(r.format()).isEqualTo("wxr");
        assertThat(r.items()).extracting(NewsItem::uri).containsExactly(
                "https://purana.example/?p=101", "https://purana.example/?p=102", "https://purana.example/?p=104");
        assertThat(r.warnings()).contains("1 post (draft) left out: not a published post",
                "1 page (publish) left out: not a published post");
        assertThat(String.join("\n", r.warnings())).doesNotContain("attachment");
    }

    @Test
    void aClassicPostsBlankLinesBecomeParagraphsAndItsCaptionShortcodeItsText() throws Exception {
        NewsItem p = post(export(), 101);
        assertThat(p.headline()).isEqualTo("भारत ने श्रृंखला 2-1 से जीती");
        assertThat(p.bodyHtml()).contains("<p>मुंबई, 12 मई। भारत ने तीसरे मैच में जीत के साथ श्रृंखला अपने नाम कर ली।</p>")
                .contains("अच्छा खेल दिखाया।<br>").contains("जीत के बाद टीम").doesNotContain("[caption").doesNotContain("[/caption]");
        assertThat(p.summary()).isEqualTo("तीसरे मैच में जीत");
        assertThat(p.link()).isEqualTo("https://purana.example/2019/05/12/bharat-ne-shrinkhala-jeeti/");
        assertThat(p.firstCreated()).isEqualTo(Instant.parse("2019-05-12T10:00:00Z"));
        assertThat(p.language()).isEqualTo("hi-IN");
    }

    @Test
    void theAuthorIsTheDisplayNameTheExportListsAndAnUnlistedLoginStaysAsItIs() throws Exception {
        ParseResult r = export();
        assertThat(post(r, 101).byline()).isEqualTo("राजेश कुमार");
        assertThat(post(r, 102).byline()).isEqualTo("unknown-login");
    }

    @Test
    void categoriesComeFirstAmongTheTagsAndTheFirstIsTheSection() throws Exception {
        ParseResult r = export();
        assertThat(post(r, 101).tags()).containsExactly("खेल", "क्रिकेट");
        assertThat(post(r, 101).section()).isEqualTo("खेल");
        assertThat(post(r, 102).tags()).containsExactly("देश", "राजनीति", "चुनाव");
    }

    @Test
    void theFeaturedImageIsTheAttachmentItsThumbnailIdNamesWithCaptionAndAlt() throws Exception {
        List<Media> media = post(export(), 101).media();
        assertThat(media).hasSize(1);
        assertThat(media.get(0).kind()).isEqualTo(Media.Kind.PICTURE);
        assertThat(media.get(0).renditions().get(0).href()).isEqualTo("https://purana.example/wp-content/uploads/2019/05/team.jpg");
        assertThat(media.get(0).caption()).isEqualTo("जीत के बाद टीम");
        assertThat(media.get(0).alt()).isEqualTo("ट्रॉफी के साथ खिलाड़ी");
        assertThat(post(export(), 102).media()).isEmpty();
    }

    @Test
    void blockEditorMarkupIsKeptAsItIs() throws Exception {
        NewsItem p = post(export(), 102);
        assertThat(p.bodyHtml()).contains("<p>मतगणना <strong>11 फरवरी</strong> को होगी।</p>").doesNotContain("<p><p>");
    }

    @Test
    void aScheduledPostIsEmbargoedUntilItsDate() throws Exception {
        NewsItem p = post(export(), 104);
        assertThat(p.embargoed()).isEqualTo(Instant.parse("2026-12-31T04:30:00Z"));
        assertThat(post(export(), 101).embargoed()).isNull();
    }

    @Test
    void plainRssIsNotAnExportAndAnExportWithoutPostsSaysSo() throws Exception {
        assertThat(Formats.standard().parse(bytes("feeds/rss2-hindi.xml"), null, CTX).format()).isEqualTo("rss");
        ParseResult empty = Formats.standard().parse(utf8("<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.1/\">"
                + "<channel><title>t</title><item><title>x</title><wp:post_type>page</wp:post_type></item></channel></rss>"),
                null, CTX);
        assertThat(empty.format()).isEqualTo("wxr");
        assertThat(empty.items()).isEmpty();
        assertThat(empty.warnings()).contains("1 page left out: not a published post");
    }

    /** The parser keeps the post's markup as sent (the normalize stage sanitizes it); the headline is text. */
    @Test
    void markupInATitleIsText() throws Exception {
        ParseResult r = Formats.standard().parse(utf8("<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item><title>&lt;script&gt;x&lt;/script&gt;शीर्षक</title>"
                + "<guid>https://h.example/?p=1</guid><content:encoded><![CDATA[पाठ<script>alert(1)</script>"
                + "<img src=x onerror=alert(2)>]]></content:encoded><wp:post_type>post</wp:post_type>"
                + "<wp:status>publish</wp:status></item></channel></rss>"), null, CTX);
        NewsItem p = r.items().get(0);
        assertThat(p.headline()).doesNotContain("<script").endsWith("शीर्षक");
        assertThat(p.bodyHtml()).startsWith("<p>पाठ");
    }
}
