package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.text.HtmlSanitizer;

class HtmlContentTest {
    private static final String BASE = "https://news.example.in/desh/story.html";
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    /** What a feed body becomes: tidied by the parser, then sanitized once by the normalize stage. */
    private static String tidiedAndSanitized(String html, String base) {
        return SANITIZER.sanitize(HtmlContent.tidy(html, base));
    }

    @Test
    void relativeLinksAndImagesBecomeAbsolute() {
        assertThat(HtmlContent.tidy("<p><a href=\"../khel/\">खेल</a><img src=\"img/a.jpg\" srcset=\"img/a2.jpg 2x\"></p>", BASE))
                .isEqualTo("<p><a href=\"https://news.example.in/khel/\">खेल</a>"
                        + "<img src=\"https://news.example.in/desh/img/a.jpg\" srcset=\"https://news.example.in/desh/img/a2.jpg 2x\"></p>");
    }

    @Test
    void withoutABaseRelativeUrlsStayAsTheyAre() {
        assertThat(HtmlContent.tidy("<a href=\"/x\">x</a>", null)).isEqualTo("<a href=\"/x\">x</a>");
    }

    @Test
    void scriptsFramesPluginsAndFormsAreRemovedByTheSanitizerAfterIt() {
        assertThat(tidiedAndSanitized("<p>a</p><script>x()</script><iframe src=\"https://e.x/\"></iframe>"
                + "<object data=\"a.swf\"></object><embed src=\"b.swf\"><style>p{}</style><form><input></form><p>b</p>", BASE))
                .isEqualTo("<p>a</p><p>b</p>");
    }

    @Test
    void eventHandlersAndDangerousUrlsAreDroppedByTheSanitizerAfterIt() {
        String out = tidiedAndSanitized("<p onclick=\"x()\" onMouseOver=\"y()\">a</p><a href=\" JaVa\tScript:alert(1)\">b</a>"
                + "<a href=\"vbscript:x\">c</a><img src=\"data:image/png;base64,AA\" alt=\"d\"><p style=\"background:url(javascript:x)\">e</p>", BASE);
        assertThat(out).isEqualTo("<p>a</p><p>bc</p><p>e</p>");
    }

    @Test
    void trackingPixelsAreDropped() {
        String out = HtmlContent.tidy("<p>a<img src=\"https://x.example/p.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"https://x.example/q.gif\" height=\"0\"><img src=\"https://pixel.wp.com/g.gif\">"
                + "<img src=\"http://stats.wordpress.com/b.gif?x=1\"><img src=\"http://feeds.feedburner.com/~r/feed/~4/abc\">"
                + "<a href=\"http://feeds.feedburner.com/~ff/feed?a=1\"><img src=\"http://feeds.feedburner.com/~ff/feed?d=1\"></a>"
                + "<img src=\"https://ad.doubleclick.net/x\"><img src=\"https://x.example/real.jpg\" width=\"600\"></p>", BASE);
        assertThat(out).isEqualTo("<p>a<img src=\"https://x.example/real.jpg\" width=\"600\"></p>");
    }

    @Test
    void doubleEscapedMarkupIsDecodedOnceMoreButRealMarkupIsLeftAlone() {
        assertThat(HtmlContent.decodeDoubleEscaped("&lt;p&gt;a &amp;amp; b&lt;/p&gt;")).isEqualTo("<p>a &amp; b</p>");
        assertThat(HtmlContent.decodeDoubleEscaped("<p>x &lt;b&gt; y</p>")).isEqualTo("<p>x &lt;b&gt; y</p>");
        assertThat(HtmlContent.decodeDoubleEscaped("5 &lt; 6")).isEqualTo("5 &lt; 6");
    }

    @Test
    void plainTextBodiesBecomeParagraphs() {
        assertThat(HtmlContent.body("पहला\n\nदूसरा & तीसरा", BASE)).isEqualTo("<p>पहला</p><p>दूसरा &amp; तीसरा</p>");
    }

    @Test
    void textOfATitleDecodesEntitiesAndDropsTags() {
        assertThat(HtmlContent.text("<b>भारत</b> &amp; &#2309;&#2350;&#2375;&#2352;&#2367;&#2325;&#2366;")).isEqualTo("भारत & अमेरिका");
        assertThat(HtmlContent.text("AT&T")).isEqualTo("AT&T");
    }

    @Test
    void aPictureTheBodyAlreadyShowsIsKnownWhateverItsQueryString() {
        assertThat(HtmlContent.showsPicture("<p>x</p>", "https://c.example/a.jpg")).isFalse();
        assertThat(HtmlContent.showsPicture("<p><img src=\"https://c.example/a.jpg?w=300\"></p>", "https://c.example/a.jpg")).isTrue();
        assertThat(HtmlContent.showsPicture(null, "https://c.example/a.jpg")).isFalse();
    }

    @Test
    void absoluteUrlAcceptsOnlyHttpAndEncodesWhatUriRefuses() {
        assertThat(HtmlContent.absoluteUrl("https://a.example/x/", "../समाचार/1 2")).isEqualTo(
                "https://a.example/%E0%A4%B8%E0%A4%AE%E0%A4%BE%E0%A4%9A%E0%A4%BE%E0%A4%B0/1%202");
        assertThat(HtmlContent.absoluteUrl(null, "javascript:alert(1)")).isNull();
        assertThat(HtmlContent.absoluteUrl(null, "ftp://a.example/")).isNull();
        assertThat(HtmlContent.absoluteUrl(null, "relative/only")).isNull();
        assertThat(HtmlContent.absoluteUrl(null, "https://a.example/?q=100%")).isEqualTo("https://a.example/?q=100%25");
    }

    @Test
    void excerptNeverSplitsAMatraFromItsLetter() {
        String text = "क".repeat(10) + "ि" + "x".repeat(20);
        assertThat(HtmlContent.excerpt(text, 10)).isEqualTo("क".repeat(9) + "…");
    }

    @Test
    void tidyingLeavesSanitizingToTheSanitizer() {
        String html = "<p onclick=\"x()\">a<a href=\" JaVa\tScript:y()\">b</a><a href=\"c\">c</a></p><script>z()</script>";
        assertThat(HtmlContent.tidy(html, BASE)).isEqualTo("<p onclick=\"x()\">a<a href=\" JaVa\tScript:y()\">b</a>"
                + "<a href=\"https://news.example.in/desh/c\">c</a></p><script>z()</script>");
    }

    @Test
    void aBodyWithNothingToReadIsNoBody() {
        assertThat(HtmlContent.tidy(" <script>x()</script><style>p{}</style> <img src=\"https://pixel.wp.com/g.gif\"><meta>", BASE)).isNull();
        assertThat(HtmlContent.tidy("<form><button>भेजें</button></form>", BASE)).isNull();
        assertThat(HtmlContent.tidy("<p></p>", BASE)).isEqualTo("<p></p>");
    }

    @Test
    void storyTextSkipsWhatTheSanitizerDropsButKeepsNoscriptText() {
        assertThat(HtmlContent.storyText("<p>पहला</p><button>साझा करें</button><noscript>n</noscript><textarea>t</textarea>"
                + "<p>दूसरा&nbsp; पाठ</p>")).isEqualTo("पहला n दूसरा पाठ");
        assertThat(HtmlContent.storyText("<script>x()</script>")).isNull();
    }

    @Test
    void ordinaryFeedHtmlComesOutExactlyAsBefore() {
        String html = "<div>एक <a>बिना</a> <a href=\"/x\">सापेक्ष</a></div><div><div>दो<br><br>तीन</div>"
                + "<p>तीन</p></div><section>चार<img></section><center><blockquote>"
                + "<div>उद्धरण</div></blockquote></center><ul><li><br> <br>सूची<br></li></ul>ढीला<br> "
                + "<br><br>पाठ <b>मोटा</b><br><p> </p><h1>बड़ा</h1><h6><br>छोटा<br><br></h6><table><tr>"
                + "<td><div>कोष्ठ</div></td></tr></table><figure><figcaption>कैप्शन"
                + "<br></figcaption></figure><script>x()</script><p>a&#1;b"
                + "<a href=\"javascript:x()\">js</a></p><div><span>स्पैन</span></div>"
                + "<a href=\"http://feeds.feedburner.com/~ff/x\"></a>"
                + "<img src=\"http://pixel.wp.com/g.gif\">"
                + "<p onclick=\"x()\" style=\"background:url(x)\">s</p><noscript>n</noscript>";
        // What the old feed cleaner gave, sanitized: tidying and sanitizing once must end in the same body
        // (but for <noscript>, whose content is kept: it is what a reader without scripts sees).
        assertThat(tidiedAndSanitized(html, "https://agency.example/news/")).isEqualTo(SANITIZER.sanitize("<div>एक <a>बिना</a> <a href=\"https://agency.example/x\">सापेक्ष</a></div><div>"
                + "<div>दो<br><br>तीन</div><p>तीन</p></div><section>चार</section><center><blockquote>"
                + "<div>उद्धरण</div></blockquote></center><ul><li><br> <br>सूची<br></li></ul>ढीला<br> "
                + "<br><br>पाठ <b>मोटा</b><br><p> </p><h1>बड़ा</h1><h6><br>छोटा<br><br></h6><table>"
                + "<tbody><tr><td><div>कोष्ठ</div></td></tr></tbody></table><figure><figcaption>कैप्शन"
                + "<br></figcaption></figure><p>a&#x1;b<a>js</a></p><div><span>स्पैन</span></div>"
                + "<p>s</p><noscript>n</noscript>"));
    }
}
