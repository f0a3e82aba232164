package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.printed;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;

class NitfParserTest {
    private final NitfParser parser = new NitfParser();

    @Test
    void hindiStoryGivesHeadlinesDocdataAndBody() throws Exception {
        ParseResult r = parser.parse(bytes("nitf/ians-hindi.xml"), CTX);
        assertThat(r.items()).hasSize(1);
        NewsItem item = r.items().get(0);
        assertThat(item.headline()).isEqualTo("मानसून के समय पर पहुंचने की उम्मीद");
        assertThat(item.subheadline()).isEqualTo("मौसम विभाग ने जारी किया पूर्वानुमान");
        assertThat(item.uri()).isEqualTo("urn:taar:ians-2025-03-03-0311");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.urgency()).isEqualTo(4);
        assertThat(item.agency()).isEqualTo("IANS");
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.byline()).isEqualTo("आईएएनएस संवाददाता");
        assertThat(item.located()).isEqualTo("नई दिल्ली");
        assertThat(item.summary()).isEqualTo("भारत मौसम विज्ञान विभाग ने कहा कि इस साल मानसून सामान्य रहेगा।");
        assertThat(item.ednote()).isEqualTo("तस्वीरें अलग से भेजी जा रही हैं।");
        assertThat(item.tags()).containsExactly("मौसम", "मानसून");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-03-03T04:15:00Z"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void bodyContentBecomesSanitizedHtml() throws Exception {
        String body = printed(parser.parse(bytes("nitf/ians-hindi.xml"), CTX).items().get(0).bodyHtml());
        assertThat(body).startsWith("<p>नई दिल्ली, 3 मार्च (आईएएनएस) भारत मौसम विज्ञान विभाग");
        assertThat(body).contains("<h2>किसानों के लिए राहत</h2>", "<em>खरीफ</em>", "<li>उत्तर भारत: सामान्य</li>",
                "<td>102%</td>", "<p>--आईएएनएस</p>");
        // The picture is the item's media (a file sent beside the story); its caption goes with it, not into the body.
        assertThat(body).doesNotContain("media-reference", "monsoon.jpg", "बादलों से घिरा आसमान", "javascript:", "onmouseover",
                "<block");
    }

    @Test
    void documentWithoutNamespaceUsesTitleWhenThereIsNoHedline() throws Exception {
        NewsItem item = parser.parse(bytes("nitf/plain-no-namespace.xml"), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Floods in Assam");
        assertThat(item.uri()).startsWith("urn:taar:ians-drop:");
        assertThat(item.bodyHtml()).isEqualTo("<p>GUWAHATI, March 3 (PTI) Floods hit Assam.</p>");
    }

    @Test
    void canceledManagementStatusIsCanceled() throws Exception {
        NewsItem item = parser.parse(utf8("<nitf><head><docdata management-status=\"canceled\"><doc-id id-string=\"a1\"/>"
                + "</docdata></head><body><body.head><hedline><hl1>रद्द</hl1></hedline></body.head></body></nitf>"), CTX)
                .items().get(0);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
    }

    @Test
    void releaseAfterIssueIsAnEmbargo() throws Exception {
        NewsItem item = parser.parse(utf8("<nitf><head><docdata><date.issue norm=\"20250303T090000+0530\"/>"
                + "<date.release norm=\"20250303T120000+0530\"/><correction info=\"fixes figure\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>x</hl1></hedline></body.head></body></nitf>"), CTX).items().get(0);
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-03-03T06:30:00Z"));
        assertThat(item.correction()).isTrue();
    }

    @Test
    void storyWithoutHeadlineOrAnyTextGivesNoItemAndAWarning() throws Exception {
        ParseResult r = parser.parse(utf8("<nitf><body><body.content><p> </p></body.content></body></nitf>"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no headline"));
    }

    @Test
    void truncatedNitfIsAParseErrorNamingTheLine() {
        byte[] all = bytes("nitf/ians-hindi.xml");
        byte[] cut = java.util.Arrays.copyOf(all, all.length / 2);
        assertThatThrownBy(() -> parser.parse(cut, CTX)).isInstanceOf(ParseException.class).hasMessageContaining("line ");
    }

    @Test
    void standardFormatsSniffNitf() throws Exception {
        assertThat(Formats.standard().parse(bytes("nitf/plain-no-namespace.xml"), null, CTX).format()).isEqualTo("nitf");
        assertThat(Formats.standard().parse(bytes("nitf/ians-hindi.xml"), null, CTX).format()).isEqualTo("nitf");
    }

    @Test
    void ntbSampleGivesItsSubjectsLanguageUrgencyAndNoAgencyByline() throws Exception {
        NewsItem item = parser.parse(java.nio.file.Files.readAllBytes(Fixtures.sharedData("iptc/ninjs/tools/xslt")
                .resolve("NTB_nitf_sample.xml")), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Pandemien herjer på den legeløse indiske landsbygda");
        assertThat(item.uri()).isEqualTo("urn:taar:NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00");
        assertThat(item.language()).isEqualTo("nb-NO");
        assertThat(item.urgency()).isEqualTo(5);
        assertThat(item.versionCreated()).isNotNull().isEqualTo(item.firstCreated());
        assertThat(item.byline()).as("NTB-AFP-DPA is three agencies").isNull();
        assertThat(item.agency()).isEqualTo("NTB");
        assertThat(item.located()).isEqualTo("Unnao");
        assertThat(item.subjects()).containsExactly(new Subject("Sykdom", "07001000"),
                new Subject("Medisin og helse", "07000000"));
        assertThat(item.tags()).containsExactly("india-korona-bygd");
        assertThat(printed(item.bodyHtml())).startsWith("<p>Koronapandemien herjer");
    }

    @Test
    void bylineLosesItsTitleAndLocationSplitsIntoCityAndPlaces() throws Exception {
        NewsItem item = parser.parse(utf8(nitf("<docdata><doc-id id-string=\"a1\" regsrc=\"AP\"/><urgency ed-urg=\"2\"/>"
                + "<date.issue norm=\"20250303T090000+0530\"/><doc.copyright year=\"2025\" holder=\"AP\"/></docdata>",
                "<byline>By <person>Jane Doe</person>, <byttl>AP Writer</byttl></byline>"
                        + "<dateline><location><city>Lucknow</city>, <state>Uttar Pradesh</state>, <country>India</country>"
                        + "</location>, <story.date norm=\"20250303T090000+0530\">March 3</story.date></dateline>")), CTX)
                .items().get(0);
        assertThat(item.byline()).isEqualTo("By Jane Doe");
        assertThat(item.located()).isEqualTo("Lucknow");
        assertThat(item.places()).containsExactly(new Place("Uttar Pradesh", "state"), new Place("India", "country"));
        assertThat(item.urgency()).isEqualTo(2);
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-03-03T03:30:00Z"));
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-03-03T03:30:00Z"));
        assertThat(item.contentCreated()).isEqualTo(Instant.parse("2025-03-03T03:30:00Z"));
        assertThat(item.rights()).isEqualTo("© 2025 AP");
        assertThat(item.agency()).isEqualTo("AP");
    }

    @Test
    void agencyNamesAndEditorsInitialsAreNotBylines() throws Exception {
        for (String byline : List.of("NTB-AFP-DPA", "bur-dar-gl/fz", "(jk/mb)", "AP", "Press Trust of India", "यूनीवार्ता",
                "ACME/PTI")) {
            NewsItem item = parser.parse(utf8(nitf("<docdata><doc-id id-string=\"a1\" regsrc=\"ACME\"/></docdata>",
                    "<byline>" + byline + "</byline>")), CTX).items().get(0);
            assertThat(item.byline()).as(byline).isNull();
        }
        NewsItem writer = parser.parse(utf8(nitf("", "<byline>JOHN DOE</byline>")), CTX).items().get(0);
        assertThat(writer.byline()).isEqualTo("JOHN DOE");
    }

    @Test
    void evlocAndAPlainDatelineGivePlacesButNeverADate() throws Exception {
        NewsItem ev = parser.parse(utf8(nitf("<docdata><evloc city=\"Pune\" state-prov=\"Maharashtra\" iso-cc=\"IN\"/></docdata>",
                "")), CTX).items().get(0);
        assertThat(ev.located()).isEqualTo("Pune");
        assertThat(ev.places()).containsExactly(new Place("Maharashtra", "state"), new Place("IN", "country"));
        NewsItem plain = parser.parse(utf8(nitf("", "<dateline>Unnao, <story.date>16 May</story.date></dateline>")), CTX)
                .items().get(0);
        assertThat(plain.located()).isEqualTo("Unnao");
        NewsItem dated = parser.parse(utf8(nitf("", "<dateline>Monday, 16 May</dateline>")), CTX).items().get(0);
        assertThat(dated.located()).isNull();
    }

    @Test
    void subjectRefnumsAreCodesAndKeywordsStayTags() throws Exception {
        NewsItem item = parser.parse(utf8("<nitf><head><tobject tobject.type=\"News\">"
                + "<tobject.subject tobject.subject.refnum=\"15054000\" tobject.subject.type=\"Sport\" "
                + "tobject.subject.matter=\"tennis\"/><tobject.subject tobject.subject.matter=\"no code\"/>"
                + "<tobject.subject/><tobject.subject tobject.subject.refnum=\"15054000\" tobject.subject.matter=\"tennis\"/>"
                + "</tobject><docdata><key-list><keyword key=\"Wimbledon\"/></key-list></docdata></head>"
                + "<body><body.head><hedline><hl1>h</hl1></hedline></body.head></body></nitf>"), CTX).items().get(0);
        assertThat(item.subjects()).containsExactly(new Subject("tennis", "15054000"));
        assertThat(item.tags()).containsExactly("Wimbledon", "no code");
    }

    @Test
    void missingHeadlineTakesTheAbstractOrTheFirstSentenceAndWarns() throws Exception {
        NewsItem fromBody = parser.parse(utf8("<nitf><body><body.content><p>First one. Second.</p></body.content></body></nitf>"),
                CTX).items().get(0);
        assertThat(fromBody.headline()).isEqualTo("First one.");
        ParseResult r = parser.parse(utf8("<nitf><body><body.head><abstract><p>Short summary here</p></abstract>"
                + "</body.head><body.content><p>Text.</p></body.content></body></nitf>"), CTX);
        assertThat(r.items()).singleElement().satisfies(item -> {
            assertThat(item.headline()).isEqualTo("Short summary here");
            assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("no headline"));
        });
    }

    @Test
    void unreadableUrgencyAndDatesWarnAndLoseNothingElse() throws Exception {
        NewsItem item = parser.parse(utf8(nitf("<docdata><urgency ed-urg=\"urgent\"/><date.issue norm=\"yesterday\"/>"
                + "<doc.copyright/></docdata>", "<byline/><dateline><location/></dateline>")), CTX).items().get(0);
        assertThat(item.urgency()).isNull();
        assertThat(item.versionCreated()).isNull();
        assertThat(item.rights()).isNull();
        assertThat(item.headline()).isEqualTo("h");
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("urgency"))
                .anySatisfy(w -> assertThat(w).contains("date.issue"));
    }

    private static String nitf(String docdata, String bodyHead) {
        return "<nitf><head>" + docdata + "</head><body><body.head><hedline><hl1>h</hl1></hedline>" + bodyHead
                + "</body.head><body.content><p>Text.</p></body.content></body></nitf>";
    }
}
