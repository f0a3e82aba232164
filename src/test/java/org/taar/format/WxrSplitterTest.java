package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/** Splitting an export post by post reads every post as reading the whole export does. */
class WxrSplitterTest {
    private static List<String> split(String export) throws IOException {
        WxrSplitter s = new WxrSplitter(Formats.DEFAULT_MAX_BYTES);
        s.learn(new StringReader(export));
        List<String> posts = new ArrayList<>();
        s.posts(new StringReader(export), posts::add);
        return posts;
    }

    private static List<NewsItem> parse(String doc) throws ParseException {
        return new WxrParser().parse(doc.getBytes(StandardCharsets.UTF_8), CTX).items();
    }

    @Test
    void eachPostAloneReadsAsInTheWholeExport() throws Exception {
        String export = new String(bytes("wxr/portal-export.xml"), StandardCharsets.UTF_8);
        List<NewsItem> whole = parse(export);
        List<NewsItem> alone = new ArrayList<>();
        for (String post : split(export)) {
            List<NewsItem> items = parse(post);
            assertThat(items).hasSize(1);
            alone.addAll(items);
        }
        assertThat(alone).hasSize(whole.size());
        for (int i = 0; i < whole.size(); i++) {
            NewsItem w = whole.get(i), a = alone.get(i);
            assertThat(a.uri()).isEqualTo(w.uri());
            assertThat(a.headline()).isEqualTo(w.headline());
            assertThat(a.bodyHtml()).isEqualTo(w.bodyHtml());
            assertThat(a.byline()).isEqualTo(w.byline());
            assertThat(a.tags()).isEqualTo(w.tags());
            assertThat(a.firstCreated()).isEqualTo(w.firstCreated());
            assertThat(a.embargoed()).isEqualTo(w.embargoed());
            assertThat(a.media()).isEqualTo(w.media());
            assertThat(a.language()).isEqualTo(w.language());
        }
    }

    @Test
    void aPostCarriesOnlyItsOwnAuthorAndPictureNotTheWholeHeader() throws Exception {
        String export = new String(bytes("wxr/portal-export.xml"), StandardCharsets.UTF_8);
        List<String> posts = split(export);
        assertThat(posts.get(0)).contains("<wp:author_login><![CDATA[rkumar]]>").contains("team.jpg")
                .doesNotContain("<wp:category>").doesNotContain("हमारे बारे में");
        assertThat(posts.get(1)).doesNotContain("<wp:author>").doesNotContain("team.jpg");
    }

    @Test
    void itemTagsInsideCdataAndCommentsAreText() throws Exception {
        String export = """
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>t</title><!-- an <item> in a comment -->
                <item><title>पहली</title><guid>urn:s:1</guid><content:encoded><![CDATA[<p>कोड में </item> और <item> लिखा है</p>]]></content:encoded>
                <wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
                <item><title>दूसरी</title><guid>urn:s:2</guid><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
                </channel></rss>""";
        List<String> posts = split(export);
        assertThat(posts).hasSize(2);
        // The whole content reached the post: the split did not end it at the "</item>" inside CDATA.
        assertThat(posts.get(0)).contains("<![CDATA[<p>कोड में </item> और <item> लिखा है</p>]]>");
        assertThat(parse(posts.get(0)).get(0).bodyHtml()).contains("कोड में").contains("लिखा है");
        assertThat(parse(posts.get(1)).get(0).headline()).isEqualTo("दूसरी");
    }

    @Test
    void anExportCutOffInsideAPostSaysSoAfterTheWholePostsBeforeIt() throws Exception {
        String export = new String(bytes("wxr/portal-export.xml"), StandardCharsets.UTF_8);
        String cut = export.substring(0, export.indexOf("<title><![CDATA[चुनाव"));
        WxrSplitter s = new WxrSplitter(Formats.DEFAULT_MAX_BYTES);
        s.learn(new StringReader(export));
        List<String> posts = new ArrayList<>();
        assertThatThrownBy(() -> s.posts(new StringReader(cut), posts::add)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut off");
        assertThat(posts).hasSize(1);
    }

    @Test
    void aFileThatIsNoExportIsRefused() {
        assertThatThrownBy(() -> new WxrSplitter(Formats.DEFAULT_MAX_BYTES).learn(new StringReader("<rss version=\"2.0\"><channel/></rss>")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a WordPress export");
    }
}
