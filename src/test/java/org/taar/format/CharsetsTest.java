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

    @Test
    void utf8WithAStrayWindows1252ByteIsReadAsUtf8WithThatByteMapped() {
        byte[] hindi = "<a>नई दिल्ली: don".getBytes(StandardCharsets.UTF_8);
        byte[] b = java.util.Arrays.copyOf(hindi, hindi.length + 6);
        b[hindi.length] = (byte) 0x92;
        System.arraycopy("t</a>".getBytes(StandardCharsets.UTF_8), 0, b, hindi.length + 1, 5);
        for (String label : new String[] {null, "text/xml; charset=utf-8", "text/xml; charset=iso-8859-1"}) {
            Charsets.Decision d = Charsets.decide(b, label);
            assertThat(d.decode(b)).as(label).isEqualTo("<a>नई दिल्ली: don\u2019t</a>");
            assertThat(d.warnings()).as(label).singleElement().asString().contains("windows-1252");
        }
    }

    @Test
    void legacyTextWithoutUtf8SequencesIsStillWholeWindows1252() {
        byte[] b = "<a>Stra\u00dfe \u201equoted\u201c \u00e4\u00f6\u00fc</a>".getBytes(Charset.forName("windows-1252"));
        assertThat(Charsets.decide(b, null).charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(Charsets.decide(b, null).decode(b)).isEqualTo("<a>Stra\u00dfe \u201equoted\u201c \u00e4\u00f6\u00fc</a>");
    }

    @Test
    void aSequenceSplitAcrossTheDecodersBuffersIsReadWhole() throws Exception {
        String text = "क".repeat(5000) + "\u2019";
        byte[] b = (text + "\u0000").getBytes(StandardCharsets.UTF_8);
        b[b.length - 1] = (byte) 0x92;
        var reader = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(b), Utf8OrWindows1252.INSTANCE.newDecoder());
        StringBuilder out = new StringBuilder();
        char[] buf = new char[7];
        for (int n; (n = reader.read(buf)) > 0; ) out.append(buf, 0, n);
        assertThat(out.toString()).isEqualTo(text + "\u2019");
    }

    @Test
    void doubleEncodedUtf8AndC1ControlsAreRepaired() {
        assertThat(Mojibake.repair("don\u00e2\u20ac\u2122t")).isEqualTo("don\u2019t");
        assertThat(Mojibake.repair("Caf\u00c3\u00a9 cr\u00c3\u00a8me")).isEqualTo("Caf\u00e9 cr\u00e8me");
        assertThat(Mojibake.repair("\u00e2\u0080\u0099 read as Latin-1")).isEqualTo("\u2019 read as Latin-1");
        assertThat(Mojibake.repair("don\u0092t \u0093x\u0094")).isEqualTo("don\u2019t \u201cx\u201d");
        assertThat(Mojibake.repair("\u0081gone")).isEqualTo("gone");
    }

    @Test
    void realTextInAnyScriptIsNeverTouched() {
        for (String s : new String[] {
                "नई दिल्ली, 12 जुलाई (आईएएनएस)। प्रधानमंत्री ने कहा — “भारत तैयार है”।",
                "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ",
                "Первая новость — «цитата» №17703",
                "Straße, Äpfel, Öl, Übermut, Café crème, naïve, 5 € „Zitat“",
                "Ã la carte: Âme, ÅÆ ½ ¼ ±°"}) {
            assertThat(Mojibake.repair(s)).as(s).isSameAs(s);
        }
    }

    @Test
    void everySharedHindiHeadlineIsLeftByteIdentical() throws Exception {
        java.nio.file.Path dir = Fixtures.sharedData("hindi/l3cube-headlines");
        int lines = 0;
        for (String file : new String[] {"Hindi_SHC_Valid.csv", "Hindi_SHC_Test.csv"}) {
            for (String line : java.nio.file.Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
                assertThat(Mojibake.repair(line)).isEqualTo(line);
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(1000);
    }
}
