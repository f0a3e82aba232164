package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void keepsAllowedFormatting() {
        String html = "<h2>शीर्षक</h2><p>एक <b>दो</b> <strong>तीन</strong> <i>चार</i> <em>पांच</em> <u>छह</u> H<sub>2</sub>O "
                + "x<sup>2</sup> <q>उद्धरण</q> <cite>स्रोत</cite></p><blockquote><p>कथन</p></blockquote>"
                + "<ul><li>एक</li></ul><ol><li>दो</li></ol>";
        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void removesScriptStyleAndIframeWithTheirContentButKeepsAnObjectsFallbackText() {
        String html = "<p>पहला</p><script>alert(1)</script><style>p{color:red}</style>"
                + "<iframe src=\"https://evil.example\">फ्रेम</iframe><object data=\"x\">ऑब्जेक्ट</object><p>दूसरा</p>";
        // An object's content is what a reader sees without the plugin: text, kept as text.
        assertThat(sanitizer.sanitize(html)).isEqualTo("<p>पहला</p><p>ऑब्जेक्ट</p><p>दूसरा</p>");
    }

    @Test
    void removesEventHandlersAndUnknownAttributes() {
        assertThat(sanitizer.sanitize("<p onclick=\"steal()\" style=\"x\" class=\"y\">पाठ <b onmouseover=\"x()\">मोटा</b></p>"))
                .isEqualTo("<p>पाठ <b>मोटा</b></p>");
    }

    @Test
    void addsNofollowNoopenerToLinks() {
        assertThat(sanitizer.sanitize("<p><a href=\"https://example.com/a\" target=\"_blank\">लिंक</a></p>"))
                .isEqualTo("<p><a href=\"https://example.com/a\" rel=\"nofollow noopener\">लिंक</a></p>");
    }

    @Test
    void keepsTheTextOfLinksWithForbiddenProtocols() {
        assertThat(sanitizer.sanitize("<p><a href=\"javascript:alert(1)\">यहां</a> देखें</p>")).isEqualTo("<p>यहां देखें</p>");
    }

    @Test
    void allowsMailtoLinks() {
        assertThat(sanitizer.sanitize("<p><a href=\"mailto:desk@example.com\">डेस्क</a></p>"))
                .isEqualTo("<p><a href=\"mailto:desk@example.com\" rel=\"nofollow noopener\">डेस्क</a></p>");
    }

    @Test
    void keepsWebImagesAndDropsOthers() {
        String html = "<figure><img src=\"https://img.example/a.jpg\" alt=\"फोटो\" width=\"600\" height=\"400\" onerror=\"x()\">"
                + "<figcaption>कैप्शन</figcaption></figure><p><img src=\"data:image/png;base64,AAAA\">पाठ</p>";
        assertThat(sanitizer.sanitize(html)).isEqualTo(
                "<figure><img src=\"https://img.example/a.jpg\" alt=\"फोटो\" width=\"600\" height=\"400\""
                        + " referrerpolicy=\"no-referrer\" loading=\"lazy\">"
                        + "<figcaption>कैप्शन</figcaption></figure><p>पाठ</p>");
    }

    @Test
    void resolvesRelativeLinksAgainstTheItemAddress() {
        assertThat(sanitizer.sanitize("<p><a href=\"/news/1\">खबर</a></p>", "https://agency.example/feed/"))
                .isEqualTo("<p><a href=\"https://agency.example/news/1\" rel=\"nofollow noopener\">खबर</a></p>");
        assertThat(sanitizer.sanitize("<p><a href=\"/news/1\">खबर</a></p>")).isEqualTo("<p>खबर</p>");
    }

    @Test
    void wrapsLooseTextAndInlineElementsIntoParagraphs() {
        assertThat(sanitizer.sanitize("पहला <b>मोटा</b><p>दूसरा</p>तीसरा"))
                .isEqualTo("<p>पहला <b>मोटा</b></p><p>दूसरा</p><p>तीसरा</p>");
    }

    @Test
    void splitsLooseTextAtDoubleLineBreaks() {
        assertThat(sanitizer.sanitize("पहला<br>जारी<br><br>दूसरा<br> <br/>तीसरा"))
                .isEqualTo("<p>पहला<br>जारी</p><p>दूसरा</p><p>तीसरा</p>");
    }

    @Test
    void dropsParagraphsEmptyAfterCleaning() {
        assertThat(sanitizer.sanitize("<p> </p><p>&nbsp;</p><p><br></p><p><script>x</script></p><p>पाठ</p><p><span></span></p>"))
                .isEqualTo("<p>पाठ</p>");
    }

    @Test
    void turnsDivsIntoParagraphs() {
        assertThat(sanitizer.sanitize("<div>एक</div><div><div>दो</div><p>तीन</p></div><section>चार</section>"))
                .isEqualTo("<p>एक</p><p>दो</p><p>तीन</p><p>चार</p>");
    }

    @Test
    void demotesTopLevelAndMinorHeadings() {
        assertThat(sanitizer.sanitize("<h1>बड़ा</h1><h5>छोटा</h5>")).isEqualTo("<h2>बड़ा</h2><h4>छोटा</h4>");
    }

    @Test
    void keepsTables() {
        String html = "<table><thead><tr><th>दल</th></tr></thead><tbody><tr><td>भाजपा</td></tr></tbody></table>";
        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void removesControlCharactersHiddenInEntities() {
        assertThat(sanitizer.sanitize("<p>a&#1;b</p>")).isEqualTo("<p>ab</p>");
    }

    @Test
    void keepsNullAsNull() {
        assertThat(sanitizer.sanitize(null)).isNull();
        assertThat(sanitizer.fromPlainText(null)).isNull();
        assertThat(sanitizer.toPlainText(null)).isNull();
    }

    @Test
    void makesParagraphsFromBlankLineSeparatedText() {
        assertThat(sanitizer.fromPlainText("पहली पंक्ति\nजारी\n\n  \nदूसरा <अनुच्छेद> & \"उद्धरण\"\n"))
                .isEqualTo("<p>पहली पंक्ति जारी</p><p>दूसरा &lt;अनुच्छेद&gt; &amp; &quot;उद्धरण&quot;</p>");
    }

    @Test
    void makesParagraphsFromSingleNewlinesWhenThereAreNoBlankLines() {
        assertThat(sanitizer.fromPlainText("एक\r\nदो\nतीन")).isEqualTo("<p>एक</p><p>दो</p><p>तीन</p>");
    }

    @Test
    void makesNothingFromBlankText() {
        assertThat(sanitizer.fromPlainText(" \n ")).isEmpty();
    }

    @Test
    void joinsParagraphTextWithBlankLines() {
        assertThat(sanitizer.toPlainText("<p>वाशिंगटन, 12 जुलाई (आईएएनएस)। <b>अमेरिका</b> ने</p><p>दूसरा&nbsp;अनुच्छेद</p>"
                + "<ul><li>एक</li><li>दो</li></ul>ढीला पाठ"))
                .isEqualTo("वाशिंगटन, 12 जुलाई (आईएएनएस)। अमेरिका ने\n\nदूसरा अनुच्छेद\n\nएक\n\nदो\n\nढीला पाठ");
    }

    @Test
    void roundTripsPlainText() {
        String text = "पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।";
        assertThat(sanitizer.toPlainText(sanitizer.fromPlainText(text))).isEqualTo(text);
    }

    /** What the sanitizer made of an ordinary body before it was rebuilt to work in linear time. */
    static final String ORDINARY = "<div>एक <a>बिना</a> <a href=\"/x\">सापेक्ष</a></div><div><div>दो<br><br>तीन</div>"
                + "<p>तीन</p></div><section>चार<img></section><center><blockquote>"
                + "<div>उद्धरण</div></blockquote></center><ul><li><br> <br>सूची<br></li></ul>ढीला<br> "
                + "<br><br>पाठ <b>मोटा</b><br><p> </p><h1>बड़ा</h1><h6><br>छोटा<br><br></h6><table><tr>"
                + "<td><div>कोष्ठ</div></td></tr></table><figure><figcaption>कैप्शन"
                + "<br></figcaption></figure><script>x()</script><p>a&#1;b"
                + "<a href=\"javascript:x()\">js</a></p><div><span>स्पैन</span></div>";

    @Test
    void ordinaryBodiesComeOutExactlyAsBefore() {
        String withBase = sanitizer.sanitize(ORDINARY, "https://agency.example/news/");
        assertThat(withBase).isEqualTo("<p>एक बिना "
                + "<a href=\"https://agency.example/x\" rel=\"nofollow noopener\">सापेक्ष</a></p><p>दो"
                + "<br><br>तीन</p><p>तीन</p><p>चार</p><blockquote><p>उद्धरण</p></blockquote><ul>"
                + "<li>सूची</li></ul><p>ढीला</p><p>पाठ <b>मोटा</b></p><h2>बड़ा</h2><h4>छोटा</h4><table>"
                + "<tbody><tr><td><p>कोष्ठ</p></td></tr></tbody></table><figure>"
                + "<figcaption>कैप्शन</figcaption></figure><p>abjs</p><p>स्पैन</p>");
        assertThat(sanitizer.sanitize(ORDINARY)).isEqualTo("<p>एक बिना सापेक्ष</p><p>दो<br><br>तीन</p><p>तीन</p><p>चार</p><blockquote>"
                + "<p>उद्धरण</p></blockquote><ul><li>सूची</li></ul><p>ढीला</p><p>पाठ <b>मोटा</b></p>"
                + "<h2>बड़ा</h2><h4>छोटा</h4><table><tbody><tr><td>"
                + "<p>कोष्ठ</p></td></tr></tbody></table><figure>"
                + "<figcaption>कैप्शन</figcaption></figure><p>abjs</p><p>स्पैन</p>");
        assertThat(sanitizer.toPlainText(withBase)).isEqualTo("एक बिना सापेक्ष\n\nदो तीन\n\nतीन\n\nचार\n\nउद्धरण\n\nसूची\n\nढीला\n\nपाठ मोटा\n\nबड़ा\n\nछोटा\n\nकोष्ठ\n\nकैप्शन\n\nabjs\n\nस्पैन");
        assertThat(sanitizer.sanitize(withBase)).isEqualTo(withBase);
    }

    @Test
    void imagesAreFetchedOverHttpsWithoutTheReadersAddressAndLazily() {
        assertThat(sanitizer.sanitize("<p>"
                + "<img src=\"http://img.example/a.jpg\" alt=\"फोटो\" loading=\"eager\" referrerpolicy=\"unsafe-url\">पाठ</p>"
                + "<figure><img src=\"HTTP://img.example/b.jpg\"></figure>"))
                .isEqualTo("<p>"
                + "<img src=\"https://img.example/a.jpg\" alt=\"फोटो\" referrerpolicy=\"no-referrer\" loading=\"lazy\">पाठ</p>"
                + "<figure>"
                + "<img src=\"https://img.example/b.jpg\" referrerpolicy=\"no-referrer\" loading=\"lazy\"></figure>");
    }

    @Test
    void sanitizingImagesAgainChangesNothing() {
        String once = sanitizer.sanitize("<p><img src=\"http://img.example/a.jpg\" width=\"600\">पाठ</p>");
        assertThat(sanitizer.sanitize(once)).isEqualTo(once);
    }

    @Test
    void anImageOnlyBodyKeepsItsImage() {
        assertThat(sanitizer.sanitize("<img src=\"https://c.example/a.jpg\" alt=\"बाढ़\">"))
                .contains("src=\"https://c.example/a.jpg\"").contains("alt=\"बाढ़\"");
        assertThat(sanitizer.sanitize("<div><noscript><img src=\"https://c.example/b.jpg\"></noscript></div>"))
                .contains("src=\"https://c.example/b.jpg\"");
    }

    @Test
    void aLazyImageGetsItsRealAddressAndAPlaceholderIsNeverKept() {
        assertThat(sanitizer.sanitize("<p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"https://c.example/real.jpg\"></p>"))
                .contains("src=\"https://c.example/real.jpg\"").doesNotContain("data:");
        assertThat(sanitizer.sanitize("<p><img srcset=\"https://c.example/s.jpg 1x, https://c.example/l.jpg 2x\"></p>"))
                .contains("src=\"https://c.example/s.jpg\"");
        assertThat(sanitizer.sanitize("<p><img data-src=\"javascript:alert(1)\">x</p>")).doesNotContain("javascript").doesNotContain("<img");
    }

    @Test
    void textInsideFormsAndFallbackContainersIsKeptButControlsAreNot() {
        assertThat(sanitizer.sanitize("<form action=\"/x\"><p>पूरी ख़बर</p><button>भेजें</button><input value=\"v\"></form>"))
                .isEqualTo("<p>पूरी ख़बर</p>");
        assertThat(sanitizer.sanitize("<object data=\"x.swf\">वैकल्पिक पाठ</object><script>x()</script>"))
                .isEqualTo("<p>वैकल्पिक पाठ</p>");
    }
}
