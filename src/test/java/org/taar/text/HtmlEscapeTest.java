package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlEscapeTest {
    @Test
    void escapesWhatChangesMeaningInTextAndQuotedAttributes() {
        assertThat(HtmlEscape.escape("a & b <i>\"x\"</i> 'y'")).isEqualTo("a &amp; b &lt;i&gt;&quot;x&quot;&lt;/i&gt; 'y'");
        assertThat(HtmlEscape.escape(null)).isEmpty();
    }

    @Test
    void leavesLettersOfEveryScriptAlone() {
        String hindi = "वाशिंगटन, 12 जुलाई (आईएएनएस)। ‘नमस्ते’ — ok";
        assertThat(HtmlEscape.escape(hindi)).isSameAs(hindi);
    }

    @Test
    void whatItWritesReadsBackAsTheSameTextInAnElementAndAnAttribute() {
        String text = "</p><script>alert(1)</script> & \" ' भारत";
        var doc = Jsoup.parse("<p title=\"" + HtmlEscape.escape(text) + "\">" + HtmlEscape.escape(text) + "</p>");
        assertThat(doc.select("p").text()).isEqualTo(text);
        assertThat(doc.select("p").attr("title")).isEqualTo(text);
        assertThat(doc.select("script")).isEmpty();
    }
}
