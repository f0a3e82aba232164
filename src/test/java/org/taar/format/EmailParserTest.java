package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

/** E-mailed copy: messages written for these tests, inline or under src/test/resources/email/. */
class EmailParserTest {
    private final EmailParser parser = new EmailParser();

    static byte[] eml(String name) {
        try (InputStream in = EmailParserTest.class.getResourceAsStream("/email/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture email/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined with CRLF, as mail travels; the text is sent as UTF-8 (8bit). */
    static byte[] mail(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String b64(String text) {
        return Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private NewsItem parseOne(byte[] content) throws ParseException {
        ParseResult r = parser.parse(content, CTX);
        assertThat(r.format()).isEqualTo("email");
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    private static String[] simple(String subject, String... body) {
        String[] head = {"From: Ramesh Kumar <ramesh@example.in>", "Date: Sat, 12 Jul 2025 11:21:37 +0530",
                "Message-ID: <m1@example.in>", "Subject: " + subject, "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", ""};
        String[] all = new String[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    // --- a Hindi stringer's mail, read field by field ---

    @Test
    void hindiStringerMailBecomesAStory() throws Exception {
        NewsItem item = parseOne(eml("hindi-stringer.eml"));
        assertThat(item.headline()).isEqualTo("लखनऊ में भारी बारिश से जनजीवन अस्त-व्यस्त");
        assertThat(item.agency()).isEqualTo("IANS");
        assertThat(item.byline()).isEqualTo("रमेश कुमार");
        assertThat(item.uri()).isEqualTo("mid:CAF3kq9Ud1x%3D7Hq@mail.gmail.com");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:51:37Z"));
        assertThat(item.versionCreated()).isEqualTo(item.firstCreated());
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        // The headline line repeats the subject: it is not repeated in the body, which opens with the dateline.
        assertThat(item.bodyHtml()).startsWith("<p>लखनऊ, 12 जुलाई (आईएएनएस)। उत्तर प्रदेश की राजधानी")
                .contains("<p>--आईएएनएस</p>")
                .doesNotContain("रमेश कुमार").doesNotContain("98765");
        assertThat(item.slugline()).isNull();
    }

    @Test
    void anAttachmentCalledAPictureWhoseBytesAreNoneIsNamedWithTypeAndSizeAndNotRead() throws Exception {
        NewsItem item = parseOne(eml("hindi-stringer.eml"));
        assertThat(item.warnings()).containsExactly(
                "attachment 'IMG_20250712_1102.jpg' (image/jpeg, 10.0 KB) not read: its bytes are no picture, video or audio");
        assertThat(item.media()).isEmpty();
    }

    @Test
    void agencyDeskMailInQuotedPrintableWindows1252() throws Exception {
        NewsItem item = parseOne(eml("pti-english.eml"));
        assertThat(item.headline()).isEqualTo("Monsoon session: Opposition to press for debate on price rise");
        assertThat(item.agency()).isEqualTo("PTI");
        assertThat(item.byline()).as("a desk is no byline").isNull();
        assertThat(item.language()).isEqualTo("en-IN");
        assertThat(item.bodyHtml()).startsWith("<p>NEW DELHI, July 12 (PTI) The Opposition")
                .contains("government\u2019s response \u201cinadequate\u201d");
        assertThat(item.warnings()).isEmpty();
    }

    @Test
    void htmlOnlyMailKeepsItsMarkupForTheSanitizer() throws Exception {
        NewsItem item = parseOne(eml("html-script.eml"));
        assertThat(item.headline()).as("the body's own headline, after a dateline check")
                .isEqualTo("Flood alert in Assam as Brahmaputra crosses danger mark");
        assertThat(item.slugline()).isEqualTo("Flood alert");
        assertThat(item.byline()).isNull();
        assertThat(item.agency()).isEqualTo("IANS");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T07:10:00Z"));
        String printed = Fixtures.printed(item.bodyHtml());
        assertThat(printed).startsWith("<p>GUWAHATI, July 12 (IANS) The Brahmaputra")
                .contains("12 districts are affected")
                .doesNotContain("script").doesNotContain("alert(").doesNotContain("onclick").doesNotContain("onload")
                .doesNotContain("javascript:").doesNotContain("pixel.gif").doesNotContain("color:red");
        assertThat(item.uri()).as("no Message-ID: derived").matches("urn:taar:ians-drop:[0-9a-f]{20}");
    }

    @Test
    void everyFixtureIsValidNinjs() throws Exception {
        NinjsValidator ninjs = NinjsValidator.load();
        for (String f : List.of("hindi-stringer.eml", "pti-english.eml", "html-script.eml")) {
            assertThat(ninjs.problems(f, parseOne(eml(f)))).as(f).isEmpty();
        }
        assertThat(ninjs.problems("headers-only", parseOne(mail("From: a@b.in", "Subject: केवल शीर्षक",
                "Message-ID: <only headers@b.in>")))).isEmpty();
    }

    // --- subject ---

    @Test
    void encodedWordsInEveryCharsetAreDecoded() throws Exception {
        assertThat(parseOne(mail(simple("=?windows-1252?Q?Minister=92s_=93bold=94_step?=", "text"))).headline())
                .isEqualTo("Minister\u2019s \u201cbold\u201d step");
        assertThat(parseOne(mail(simple("=?ISO-8859-2?Q?Wa=B3brzych_fire?=", "text"))).headline())
                .isEqualTo("Wałbrzych fire");
        assertThat(parseOne(mail(simple("=?iso-8859-1?q?Caf=E9?= =?iso-8859-1?q?_closed?=", "text"))).headline())
                .isEqualTo("Café closed");
        assertThat(parseOne(mail(simple("बजट में किसानों को राहत", "text"))).headline())
                .as("8-bit UTF-8 in the header, as many programs send").isEqualTo("बजट में किसानों को राहत");
    }

    @Test
    void aRawLatin1SubjectIsReadAsWindows1252() throws Exception {
        byte[] head = "From: a@b.in\r\nSubject: Caf".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = "\u00e9 \u201cclosed\u201d\r\n\r\ntext\r\n".getBytes(Charset.forName("windows-1252"));
        byte[] m = new byte[head.length + rest.length];
        System.arraycopy(head, 0, m, 0, head.length);
        System.arraycopy(rest, 0, m, head.length, rest.length);
        NewsItem item = parseOne(m);
        assertThat(item.headline()).isEqualTo("Café “closed”");
        assertThat(item.warnings()).contains("Subject: not UTF-8; read as windows-1252");
    }

    @Test
    void encodedWordInAnUnknownCharsetIsReadByItsBytes() throws Exception {
        NewsItem item = parseOne(mail(simple("=?x-devanagari?B?" + Base64.getEncoder().encodeToString(
                "संसद सत्र".getBytes(StandardCharsets.UTF_8)) + "?=", "text")));
        assertThat(item.headline()).isEqualTo("संसद सत्र");
        assertThat(item.warnings()).contains("encoded-word in unknown charset 'x-devanagari' read as UTF-8");
    }

    @Test
    void mailPrefixesAndTagsAreTakenOffKeepingTheirMeaning() {
        EmailSubject s = new EmailSubject(new org.taar.text.Agencies());
        assertThat(s.read("Fwd: RE: Fw: AW: WG: Budget passed").headline()).isEqualTo("Budget passed");
        assertThat(s.read("Re[2]: SV: Antw: TR: Budget passed").headline()).isEqualTo("Budget passed");
        assertThat(s.read("[EXTERNAL] [IANS] Budget passed").agency()).isEqualTo("IANS");
        assertThat(s.read("[EXTERNAL] [IANS] Budget passed").headline()).isEqualTo("Budget passed");
        assertThat(s.read("PTI: Budget passed").agency()).isEqualTo("PTI");
        assertThat(s.read("आईएएनएस: संसद में बजट पारित").headline()).isEqualTo("संसद में बजट पारित");
        assertThat(s.read("[FLASH] Earthquake in Delhi").urgency()).isEqualTo(1);
        assertThat(s.read("URGENT: Earthquake in Delhi").urgency()).isEqualTo(2);
        // A colon that belongs to the headline stays.
        assertThat(s.read("Budget 2025: FM keeps tax slabs").headline()).isEqualTo("Budget 2025: FM keeps tax slabs");
        assertThat(s.read("मुंबई: शेयर बाज़ार में तेज़ी").headline()).isEqualTo("मुंबई: शेयर बाज़ार में तेज़ी");
        assertThat(s.read("Re: ").headline()).isEqualTo("Re:");
        assertThat(s.generic("IANS story")).isTrue();
        assertThat(s.generic("खबर")).isTrue();
        assertThat(s.generic("Story 2")).isTrue();
        assertThat(s.generic("Kerala rain story")).isFalse();
    }

    // --- identity, time, byline ---

    @Test
    void uriComesFromTheMessageIdAndIsDerivedDeterministicallyWithoutOne() throws Exception {
        assertThat(parseOne(mail(simple("Budget", "text"))).uri()).isEqualTo("mid:m1@example.in");
        byte[] noId = mail("From: a@b.in", "Date: Sat, 12 Jul 2025 11:21:37 +0530", "Subject: Budget", "", "text");
        byte[] later = mail("From: a@b.in", "Date: Sat, 12 Jul 2025 11:22:37 +0530", "Subject: Budget", "", "text");
        String uri = parseOne(noId).uri();
        assertThat(uri).matches("urn:taar:ians-drop:[0-9a-f]{20}").isEqualTo(parseOne(noId).uri());
        assertThat(parseOne(later).uri()).isNotEqualTo(uri);
    }

    @Test
    void dateIsReadWithIndianZoneNamesAndFallsBackToReceivedThenDelivery() throws Exception {
        assertThat(parseOne(mail("From: a@b.in", "Date: Sat, 12 Jul 2025 11:19:00 IST", "Subject: x", "", "y"))
                .firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
        NewsItem received = parseOne(mail("Received: from x by y; Sat, 12 Jul 2025 06:00:01 +0000 (UTC)",
                "From: a@b.in", "Date: कल सुबह", "Subject: x", "", "y"));
        assertThat(received.firstCreated()).isEqualTo(Instant.parse("2025-07-12T06:00:01Z"));
        assertThat(received.warnings()).contains("Date 'कल सुबह' unreadable; the time it was received is used");
        NewsItem none = parseOne(mail("From: a@b.in", "Subject: x", "", "y"));
        assertThat(none.firstCreated()).isEqualTo(CTX.receivedAt());
        assertThat(none.warnings()).contains("no Date; the time of delivery is used");
    }

    @Test
    void bylineIsTheSendersNameNeverItsAddressAnAgencyOrADesk() throws Exception {
        assertThat(byline("Ramesh Kumar <ramesh@gmail.com>")).isEqualTo("Ramesh Kumar");
        assertThat(byline("\"Sharma, Anita\" <anita@x.in>")).isEqualTo("Sharma, Anita");
        assertThat(byline(word("सुनीता वर्मा") + " <s@x.in>")).isEqualTo("सुनीता वर्मा");
        assertThat(byline("ramesh@gmail.com")).isNull();
        assertThat(byline("<ramesh@gmail.com>")).isNull();
        assertThat(byline("IANS <hindi@ians.in>")).isNull();
        assertThat(byline("PTI Bhasha <bhasha@pti.in>")).isNull();
        assertThat(byline("Hindi News Desk <desk@x.in>")).isNull();
        assertThat(byline("no-reply <no-reply@x.in>")).isNull();
        assertThat(byline("आईएएनएस <hindi@x.in>")).isNull();
        assertThat(parseOne(mail("From: IANS Hindi <hindi@x.in>", "Subject: a", "", "b")).agency()).isEqualTo("IANS");
        assertThat(parseOne(mail("From: Desk <desk@ians.in>", "Subject: a", "", "b")).agency()).isEqualTo("IANS");
        assertThat(parseOne(mail("From: Ramesh <r@gmail.com>", "Subject: a", "", "b")).agency()).isNull();
    }

    private String byline(String from) throws ParseException {
        return parseOne(mail("From: " + from, "Subject: s", "Date: Sat, 12 Jul 2025 11:21:37 +0530", "", "text")).byline();
    }

    // --- the text ---

    @Test
    void quotedPrintableDevanagariIsDecoded() throws Exception {
        String qp = "=E0=A4=A8=E0=A4=88 =E0=A4=A6=E0=A4=BF=E0=A4=B2=E0=A5=8D=E0=A4=B2=E0=A5=80, 12 =E0=A4=9C=E0=A5=81=\r\n"
                + "=E0=A4=B2=E0=A4=BE=E0=A4=88 (=E0=A4=86=E0=A4=88=E0=A4=8F=E0=A4=8F=E0=A4=A8=E0=A4=8F=E0=A4=B8)=E0=A5=A4 =\r\n"
                + "=E0=A4=AC=E0=A4=9C=E0=A4=9F =E0=A4=AA=E0=A5=87=E0=A4=B6=E0=A5=A4";
        NewsItem item = parseOne(mail("From: a@b.in", "Subject: बजट पेश", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", qp));
        assertThat(item.bodyHtml()).isEqualTo("<p>नई दिल्ली, 12 जुलाई (आईएएनएस)। बजट पेश।</p>");
    }

    @Test
    void ofAlternativesThePlainTextIsReadUnlessTheHtmlHasClearlyMore() throws Exception {
        String story = "बाढ़ से 20 गांव प्रभावित, राहत कार्य जारी";
        byte[] equal = alternative("Subject: Flood", story, "<p><b>" + story + "</b></p>");
        assertThat(parseOne(equal).bodyHtml()).isEqualTo("<p>" + story + "</p>");
        byte[] htmlMore = alternative("Subject: Flood", "Your mail program cannot show this message.",
                "<p>" + story + "</p><p>" + story + " " + story + "</p>");
        assertThat(parseOne(htmlMore).bodyHtml()).contains(story).doesNotContain("mail program");
    }

    private static byte[] alternative(String subject, String plain, String html) {
        return mail("From: a@b.in", subject, "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=ALT", "",
                "--ALT", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", b64(plain),
                "--ALT", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64", "", b64(html),
                "--ALT--");
    }

    @Test
    void wrongCharsetLabelsAreOverruledByTheBytes() throws Exception {
        NewsItem utf8AsLatin1 = parseOne(mail("From: a@b.in", "Subject: x", "Content-Type: text/plain; charset=iso-8859-1",
                "", "संसद का सत्र"));
        assertThat(utf8AsLatin1.bodyHtml()).isEqualTo("<p>संसद का सत्र</p>");
        assertThat(utf8AsLatin1.warnings()).anyMatch(w -> w.startsWith("text/plain part: declared charset iso-8859-1"));

        byte[] head = mail("From: a@b.in", "Subject: x", "Content-Type: text/plain; charset=klingon", "");
        byte[] body = "Caf\u00e9 \u201cclosed\u201d".getBytes(Charset.forName("windows-1252"));
        byte[] m = new byte[head.length + body.length];
        System.arraycopy(head, 0, m, 0, head.length);
        System.arraycopy(body, 0, m, head.length, body.length);
        NewsItem unknown = parseOne(m);
        assertThat(unknown.bodyHtml()).isEqualTo("<p>Café “closed”</p>");
        assertThat(unknown.warnings()).anyMatch(w -> w.contains("unknown charset 'klingon'"));
    }

    @Test
    void aHeadlineLineBeforeTheDatelineIsTheHeadlineAndTheSubjectIsKeptAsSlug() throws Exception {
        NewsItem item = parseOne(mail(simple("Kerala copy for page 1", "केरल में भारी बारिश, 5 जिलों में रेड अलर्ट", "",
                "तिरुवनंतपुरम, 12 जुलाई (आईएएनएस)। केरल में भारी बारिश जारी है।", "", "--आईएएनएस")));
        assertThat(item.headline()).isEqualTo("केरल में भारी बारिश, 5 जिलों में रेड अलर्ट");
        assertThat(item.slugline()).isEqualTo("Kerala copy for page 1");
        assertThat(item.bodyHtml()).isEqualTo("<p>तिरुवनंतपुरम, 12 जुलाई (आईएएनएस)। केरल में भारी बारिश जारी है।</p><p>--आईएएनएस</p>");
    }

    @Test
    void underAGenericSubjectTheFirstLineIsTheHeadline() throws Exception {
        NewsItem item = parseOne(mail(simple("IANS story", "Sensex jumps 500 points", "Banks and IT lead the rally.")));
        assertThat(item.headline()).isEqualTo("Sensex jumps 500 points");
        assertThat(item.bodyHtml()).isEqualTo("<p>Banks and IT lead the rally.</p>");
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void aStoryOpeningWithItsDatelineKeepsTheSubjectAsHeadline() throws Exception {
        NewsItem item = parseOne(mail(simple("Kerala rain: red alert in five districts",
                "THIRUVANANTHAPURAM, July 12 (IANS) Heavy rain lashed Kerala on Saturday.", "", "More rain is likely.")));
        assertThat(item.headline()).isEqualTo("Kerala rain: red alert in five districts");
        assertThat(item.bodyHtml()).startsWith("<p>THIRUVANANTHAPURAM, July 12 (IANS) Heavy rain").contains("More rain");
    }

    @Test
    void aGreetingIsNoHeadline() throws Exception {
        NewsItem item = parseOne(mail(simple("Panchayat poll results", "Dear Sir,", "", "Please find the results below.")));
        assertThat(item.headline()).isEqualTo("Panchayat poll results");
        assertThat(item.bodyHtml()).startsWith("<p>Dear Sir,</p>");
    }

    @Test
    void withoutAnyHeadlineTheFirstLineStandsInAndTheDeskIsAsked() throws Exception {
        NewsItem item = parseOne(mail(simple("story", "LUCKNOW, July 12 (IANS) Heavy rain lashed the city on Saturday.")));
        assertThat(item.headline()).startsWith("LUCKNOW, July 12 (IANS)");
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.warnings()).anyMatch(w -> w.contains("held for the desk"));
    }

    @Test
    void aWiretextStoryInTheMailIsReadWithItsHeader() throws Exception {
        NewsItem item = parseOne(mail(simple("copy", "Headline: संसद में हंगामा", "Byline: अनीता शर्मा",
                "ID: ians-2025-07-12-0077", "Urgency: 3", "", "नई दिल्ली, 12 जुलाई (आईएएनएस)। संसद में आज हंगामा हुआ।")));
        assertThat(item.headline()).isEqualTo("संसद में हंगामा");
        assertThat(item.byline()).isEqualTo("अनीता शर्मा");
        assertThat(item.uri()).isEqualTo("urn:taar:ians-2025-07-12-0077");
        assertThat(item.urgency()).isEqualTo(3);
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:51:37Z"));
        assertThat(item.bodyHtml()).isEqualTo("<p>नई दिल्ली, 12 जुलाई (आईएएनएस)। संसद में आज हंगामा हुआ।</p>");
    }

    @Test
    void signaturePhoneLineAndQuotedReplyAreNotStoryText() throws Exception {
        NewsItem item = parseOne(mail(simple("Dam gates opened", "The gates of the dam were opened on Saturday.", "",
                "Sent from my iPhone", "", "On Sat, 12 Jul 2025 at 10:00, Desk <desk@x.in> wrote:", "> Please send the dam story",
                "> Thanks")));
        assertThat(item.bodyHtml()).isEqualTo("<p>The gates of the dam were opened on Saturday.</p>");
    }

    @Test
    void anInlineForwardGivesTheOriginalWritersName() throws Exception {
        NewsItem item = parseOne(mail(simple("Fwd: story", "pls use", "", "---------- Forwarded message ---------",
                "From: Sunita Verma <sunita@gmail.com>", "Date: Sat, 12 Jul 2025 at 09:58", "Subject: Patna mein pul gira",
                "To: Ramesh <ramesh@example.in>", "", "पटना में पुल गिरा", "",
                "पटना, 12 जुलाई (आईएएनएस)। पटना में शनिवार को एक पुल गिर गया।")));
        assertThat(item.byline()).isEqualTo("Sunita Verma");
        assertThat(item.headline()).isEqualTo("पटना में पुल गिरा");
        assertThat(item.ednote()).isEqualTo("pls use");
        assertThat(item.bodyHtml()).isEqualTo("<p>पटना, 12 जुलाई (आईएएनएस)। पटना में शनिवार को एक पुल गिर गया।</p>");
    }

    @Test
    void flowedLinesAreJoined() throws Exception {
        NewsItem item = parseOne(mail("From: a@b.in", "Subject: Rain", "Content-Type: text/plain; charset=utf-8; format=flowed",
                "", "Heavy rain lashed the city ", "on Saturday.", "Schools were shut."));
        assertThat(item.bodyHtml()).isEqualTo("<p>Heavy rain lashed the city on Saturday.</p><p>Schools were shut.</p>");
    }

    // --- attachments ---

    @Test
    void anAttachedTextStoryIsReadWhenTheMailHasNoTextOfItsOwn() throws Exception {
        byte[] m = mail("From: Ramesh <r@gmail.com>", "Subject: खबर", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=B", "", "--B", "Content-Type: text/plain; charset=utf-8", "", "",
                "--B", "Content-Type: text/plain; charset=utf-8; name=story.txt",
                "Content-Disposition: attachment; filename=story.txt", "Content-Transfer-Encoding: base64", "",
                b64("गंगा का जलस्तर बढ़ा\n\nवाराणसी, 12 जुलाई (आईएएनएस)। गंगा का जलस्तर खतरे के निशान के पास पहुंचा।\n"), "--B--");
        NewsItem item = parseOne(m);
        assertThat(item.headline()).isEqualTo("गंगा का जलस्तर बढ़ा");
        assertThat(item.bodyHtml()).startsWith("<p>वाराणसी, 12 जुलाई (आईएएनएस)।");
        assertThat(item.warnings()).anyMatch(w -> w.startsWith("the mail's own text is empty; the story is read from the attached 'story.txt'"));
    }

    @Test
    void aCoveringNoteBesideAnAttachedStoryBecomesTheEditorsNote() throws Exception {
        String story = "Bridge collapses in Patna\n\nPATNA, July 12 (IANS) A bridge collapsed in Patna on Saturday, "
                + "officials said. No one was hurt, they said, and traffic has been diverted.\n";
        byte[] m = mail("From: Ramesh <r@gmail.com>", "Subject: story", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=B", "", "--B", "Content-Type: text/plain; charset=utf-8", "",
                "PFA. Pls use.", "--B", "Content-Type: text/plain; name=patna.txt", "Content-Disposition: attachment; filename=patna.txt",
                "", story, "--B", "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=a.docx",
                "Content-Disposition: attachment; filename=a.docx", "Content-Transfer-Encoding: base64", "", "UEsDBAo=", "--B--");
        NewsItem item = parseOne(m);
        assertThat(item.headline()).isEqualTo("Bridge collapses in Patna");
        assertThat(item.ednote()).isEqualTo("PFA. Pls use.");
        assertThat(item.warnings()).anyMatch(w -> w.contains("only covers it"))
                .anyMatch(w -> w.startsWith("attachment 'a.docx' (application/vnd.openxmlformats-officedocument"
                        + ".wordprocessingml.document, 5 bytes) not read"));
    }

    @Test
    void aMessageForwardedAsAttachmentIsTheStory() throws Exception {
        byte[] m = mail("From: Ramesh <r@gmail.com>", "Subject: Fwd: Sensex jumps", "Message-ID: <outer@x>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=B", "", "--B", "Content-Type: message/rfc822", "",
                "From: IANS Business <biz@ians.in>", "Subject: Sensex jumps 500 points", "Date: Sat, 12 Jul 2025 10:00:00 +0530",
                "Message-ID: <inner@ians.in>", "", "MUMBAI, July 12 (IANS) The Sensex jumped 500 points on Saturday.", "--B--");
        NewsItem item = parseOne(m);
        assertThat(item.headline()).isEqualTo("Sensex jumps 500 points");
        assertThat(item.uri()).isEqualTo("mid:inner@ians.in");
        assertThat(item.agency()).isEqualTo("IANS");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T04:30:00Z"));
        assertThat(item.bodyHtml()).startsWith("<p>MUMBAI, July 12 (IANS)");
    }

    // --- hostile and broken ---

    @Test
    void aMessageOfOnlyHeadersIsHeldForTheDesk() throws Exception {
        NewsItem item = parseOne(mail("From: a@b.in", "Subject: केवल शीर्षक", "Date: Sat, 12 Jul 2025 11:21:37 +0530"));
        assertThat(item.headline()).isEqualTo("केवल शीर्षक");
        assertThat(item.bodyHtml()).isNull();
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.warnings()).contains("the message has no text; held for the desk");
    }

    @Test
    void aMessageWithNeitherSubjectNorTextIsAnError() {
        assertThatThrownBy(() -> parser.parse(mail("From: a@b.in", "Date: Sat, 12 Jul 2025 11:21:37 +0530", "", " "), CTX))
                .isInstanceOf(ParseException.class).hasMessageContaining("neither a subject nor any text");
    }

    @Test
    void aHugeBase64AttachmentIsCountedNotHeld() throws Exception {
        StringBuilder m = new StringBuilder(String.join("\r\n", "From: a@b.in", "Subject: Photos of the flood",
                "Content-Type: multipart/mixed; boundary=B", "", "--B", "Content-Type: text/plain", "", "Flood photos attached.",
                "--B", "Content-Type: application/zip; name=photos.zip", "Content-Transfer-Encoding: base64", "", ""));
        String line = "A".repeat(76) + "\r\n";
        long lines = 50L * 1024 * 1024 / line.length();
        m.ensureCapacity((int) (lines * line.length() + 256));
        for (long i = 0; i < lines; i++) m.append(line);
        m.append("--B--\r\n");
        byte[] big = m.toString().getBytes(StandardCharsets.US_ASCII);
        m.setLength(0);
        m.trimToSize();
        NewsItem item = parseOne(big);
        assertThat(item.bodyHtml()).isEqualTo("<p>Flood photos attached.</p>");
        assertThat(item.warnings()).anyMatch(w -> w.startsWith("attachment 'photos.zip' (application/zip, 36.5 MB) not read"));
        // Through the usual intake, the delivery cap refuses it first.
        assertThatThrownBy(() -> Formats.standard().parse(big, null, CTX)).hasMessageStartingWith("file too large");
    }

    @Test
    void aBoundaryThatNeverOccursIsHeldWithAWarning() throws Exception {
        NewsItem item = parseOne(mail("From: a@b.in", "Subject: Budget", "Content-Type: multipart/mixed; boundary=\"XX\"", "",
                "--YY", "Content-Type: text/plain", "", "hello", "--YY--"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.bodyHtml()).isNull();
        assertThat(item.warnings()).contains("the multipart boundary 'XX' never occurs; the message's text cannot be read");
    }

    @Test
    void aPartNeverClosedIsStillRead() throws Exception {
        NewsItem item = parseOne(mail("From: a@b.in", "Subject: Budget", "Content-Type: multipart/mixed; boundary=XX", "",
                "--XX", "Content-Type: text/plain", "", "The budget was passed."));
        assertThat(item.bodyHtml()).isEqualTo("<p>The budget was passed.</p>");
        assertThat(item.warnings()).anyMatch(w -> w.startsWith("MIME: Body part ended prematurely"));
    }

    @Test
    void aHeaderBombIsRefusedClearly() {
        StringBuilder m = new StringBuilder("From: a@b.in\r\nSubject: bomb\r\n");
        for (int i = 0; i < 10_000; i++) m.append("X-Filler-").append(i).append(": x\r\n");
        m.append("\r\nbody\r\n");
        byte[] bomb = m.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.accepts(bomb)).isTrue();
        assertThatThrownBy(() -> parser.parse(bomb, CTX)).isInstanceOf(ParseException.class)
                .hasMessageContaining("more header fields than a mail has");
    }

    @Test
    void anEndlessHeaderLineIsRefusedClearly() {
        byte[] m = mail("From: a@b.in", "Subject: " + "x".repeat(100_000), "", "body");
        assertThatThrownBy(() -> parser.parse(m, CTX)).isInstanceOf(ParseException.class).hasMessageContaining("header line");
    }

    @Test
    void damagedBase64TextIsHeldNotPublished() throws Exception {
        NewsItem item = parseOne(mail("From: a@b.in", "Subject: Budget", "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: base64", "", "!!!bm90IGJhc2U2NA@@@###"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.warnings()).anyMatch(w -> w.contains("base64"));
    }

    @Test
    void aForwardOfAForwardIsReadAndEndlessNestingRefused() throws Exception {
        assertThat(parseOne(nested(3)).headline()).isEqualTo("bottom");
        assertThat(parseOne(nested(3)).bodyHtml()).isEqualTo("<p>the story</p>");
        assertThatThrownBy(() -> parser.parse(nested(40), CTX)).isInstanceOf(ParseException.class)
                .hasMessageContaining("nests parts or messages more than 20 deep");
    }

    private static byte[] nested(int levels) {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            m.append("From: a@b.in\r\nSubject: level ").append(i).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        return m.append("From: a@b.in\r\nSubject: bottom\r\n\r\nthe story\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void binaryOrWireTextIsNotTakenForMail() {
        assertThat(parser.accepts(mail("Headline: संसद", "Byline: x", "", "body"))).isFalse();
        assertThat(parser.accepts(mail("From: हमारे संवाददाता", "", "body"))).isFalse();
        assertThat(parser.accepts(mail("Subject: x", "Date: Sat, 12 Jul 2025 11:21:37 +0530", "", "b"))).isFalse();
        assertThat(parser.accepts(mail("From: a@b.in", "To: c@d.in", "Headline: x", "", "b"))).isFalse();
        assertThat(parser.accepts(mail("मुंबई: शेयर बाज़ार", "From: a@b.in", "Subject: x", "", "b"))).isFalse();
        assertThat(parser.accepts(new byte[] {'F', 'r', 'o', 'm', ':', ' ', 0, '\n', 'T', 'o', ':', 'x'})).isFalse();
    }

    @Test
    void mailIsRecognisedByItsHeadersWhateverComesFirst() {
        assertThat(parser.accepts(eml("hindi-stringer.eml"))).isTrue();
        assertThat(parser.accepts(mail("From ramesh@gmail.com Sat Jul 12 05:52:10 2025", "From: a@b.in", "Subject: x", "", "b")))
                .isTrue();
        assertThat(parser.accepts(("\uFEFF\nReceived: from x\n\tby y; Sat, 12 Jul 2025 06:00:01 +0000\nMessage-ID: <a@b>\n"
                + "Subject: x\n\nbody\n").getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void mboxSeparatorAndLeadingBlankLinesAreNotBody() throws Exception {
        NewsItem item = parseOne(("\r\nFrom ramesh@gmail.com Sat Jul 12 05:52:10 2025\nFrom: a@b.in\nSubject: Rain\n\nIt rained.\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(item.headline()).isEqualTo("Rain");
        assertThat(item.bodyHtml()).isEqualTo("<p>It rained.</p>");
    }
}
