package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static final String HINDI = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>नई दिल्ली</title></rss>";

    @Test
    void utf8BytesWinOverALyingDeclaration() {
        Charsets.Decision d = Charsets.decide(HINDI.getBytes(StandardCharsets.UTF_8), null);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.warnings()).singleElement().asString().contains("ISO-8859-1");
        assertThat(d.decode(HINDI.getBytes(StandardCharsets.UTF_8))).contains("नई दिल्ली");
    }

    @Test
    void latin1LabelMeansWindows1252SoSmartQuotesSurvive() {
        byte[] b = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\u201cquote\u201d caf\u00e9</a>"
                .getBytes(Charset.forName("windows-1252"));
        Charsets.Decision d = Charsets.decide(b, null);
        assertThat(d.decode(b)).contains("\u201cquote\u201d caf\u00e9");
    }

    @Test
    void declaredUtf8ThatIsNotFallsBackToWindows1252WithAWarning() {
        byte[] b = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>Ana\u00efs</a>".getBytes(StandardCharsets.ISO_8859_1);
        Charsets.Decision d = Charsets.decide(b, "application/rss+xml; charset=utf-8");
        assertThat(d.decode(b)).contains("Ana\u00efs");
        assertThat(d.warnings()).singleElement().asString().contains("not UTF-8");
    }

    @Test
    void legacyCharsetDeclaredAndTrueIsUsed() {
        String text = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><a>Привет</a>";
        byte[] b = text.getBytes(Charset.forName("KOI8-R"));
        assertThat(Charsets.decide(b, null).decode(b)).contains("Привет");
    }

    @Test
    void httpCharsetIsReadFromContentType() {
        String text = "<a>Привет</a>";
        byte[] b = text.getBytes(Charset.forName("windows-1251"));
        assertThat(Charsets.decide(b, "text/xml; charset=\"windows-1251\"").decode(b)).isEqualTo(text);
    }

    @Test
    void byteOrderMarksDecide() {
        byte[] utf16 = "\uFEFF<a>नमस्ते</a>".getBytes(StandardCharsets.UTF_16LE);
        Charsets.Decision d = Charsets.decide(utf16, "text/xml; charset=iso-8859-1");
        assertThat(d.decode(utf16)).isEqualTo("<a>नमस्ते</a>");
        byte[] utf8 = "\uFEFF<a>x</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decide(utf8, null).decode(utf8)).isEqualTo("<a>x</a>");
    }

    @Test
    void unknownLabelIsAWarningNotAFailure() {
        byte[] b = "<?xml version=\"1.0\" encoding=\"invalid\"?><feed><title>테스트</title></feed>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decide(b, null).decode(b)).contains("테스트");
        byte[] ascii = "<?xml version=\"1.0\" encoding=\"bogus\"?><a/>".getBytes(StandardCharsets.US_ASCII);
        assertThat(Charsets.decide(ascii, null).warnings()).singleElement().asString().contains("bogus");
    }
}
