package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taar.item.KillSignal;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Subject;

class Iptc7901ParserTest {
    private final Iptc7901Parser parser = new Iptc7901Parser();

    private ParseResult parse(String fixture) throws ParseException {
        ParseResult r = parser.parse(bytes("iptc7901/" + fixture), CTX);
        assertThat(r.format()).isEqualTo("iptc7901");
        return r;
    }

    @Test
    void eachMessageOfAFileIsOneItem() throws Exception {
        ParseResult r = parse("pti-election.txt");
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly(
                "BJP sweeps Gujarat civic polls, wins 150 of 182 seats",
                "BJP sweeps Gujarat civic polls, wins 152 of 182 seats",
                "Strong earthquake hits northern Afghanistan");
    }

    @Test
    void headerGivesAgencySectionUrgencyAndSlug() throws Exception {
        NewsItem item = parse("pti-election.txt").items().get(0);
        assertThat(item.agency()).isEqualTo("PTI");
        assertThat(item.section()).isEqualTo("DOM");
        assertThat(item.urgency()).isEqualTo(3);
        assertThat(item.slugline()).isEqualTo("ELECTION-RESULTS");
        assertThat(item.tags()).containsExactly("ELECTION-RESULTS");
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.warnings()).isEmpty();
    }

    @Test
    void deskCodeKeywordSignatureAndStampAreNotBody() throws Exception {
        NewsItem item = parse("pti-election.txt").items().get(0);
        assertThat(item.bodyHtml()).isEqualTo("<p>Ahmedabad, Jul 12 (PTI) The BJP on Saturday swept the civic polls in"
                + " Gujarat, winning 150 of the 182 seats, election officials said.</p>"
                + "<p>The Congress won 25 seats &amp; independents 7; turnout was &lt; 60 per cent in most wards.</p>"
                + "<p>Counting ended late in the evening.</p>");
        assertThat(item.bodyHtml()).doesNotContain("DEL34", "PTI ABC", "07121119");
    }

    @Test
    void timeStampMmddhhmmIsIndianTimeForIndianAgencies() throws Exception {
        NewsItem item = parse("pti-election.txt").items().get(0);
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
        assertThat(item.versionCreated()).isEqualTo(item.firstCreated());
    }

    @Test
    void correctionOfTheSameKeywordIsANewVersionOfTheSameStory() throws Exception {
        List<NewsItem> items = parse("pti-election.txt").items();
        assertThat(items.get(1).uri()).isEqualTo(items.get(0).uri());
        assertThat(items.get(1).version()).isEqualTo(2);
        assertThat(items.get(1).correction()).isTrue();
        assertThat(items.get(1).warnings()).isEmpty();
        assertThat(items.get(1).firstCreated()).isEqualTo(Instant.parse("2025-07-12T06:19:00Z"));
        assertThat(items.get(2).uri()).isNotEqualTo(items.get(0).uri());
    }

    @Test
    void leadsCountIntoTheVersion() throws Exception {
        String file = "\u0001PTI0470 4 DOM 0100 RAIL-FARE 2ND LEAD\n\u0002Rail fares go up\nNew Delhi, Jul 12 (PTI) Fares rise.\n\u0003";
        String first = "\u0001PTI0401 4 DOM 0100 RAIL-FARE\n\u0002Rail fares may go up\nNew Delhi, Jul 12 (PTI) Fares.\n\u0003";
        NewsItem lead = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(lead.version()).isEqualTo(3);
        assertThat(lead.uri()).isEqualTo(parser.parse(utf8(first), CTX).items().get(0).uri());
    }

    @Test
    void emptyMessageIsDroppedWithAWarningNamingItsLine() throws Exception {
        assertThat(parse("pti-election.txt").warnings()).containsExactly("message 3 (line 20): no text after STX");
    }

    @Test
    void flashPriorityAndMoreMarker() throws Exception {
        NewsItem quake = parse("pti-election.txt").items().get(2);
        assertThat(quake.urgency()).isEqualTo(1);
        assertThat(quake.section()).isEqualTo("FGN");
        assertThat(quake.bodyHtml()).doesNotContain("MORE", "PTI XYZ");
        assertThat(quake.warnings()).containsExactly("text continues in a later message (MORE)");
        assertThat(quake.firstCreated()).isEqualTo(CTX.receivedAt());
    }

    @Test
    void hindiCopyWithEqualsEndingsAndPaddedLines() throws Exception {
        ParseResult r = parse("bhasha-hindi.txt");
        assertThat(r.warnings()).isEmpty();
        NewsItem item = r.items().get(0);
        assertThat(item.headline()).isEqualTo("गुजरात निकाय चुनाव में भाजपा की भारी जीत");
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.agency()).isEqualTo("PTI");
        assertThat(item.slugline()).isEqualTo("चुनाव-परिणाम");
        assertThat(item.bodyHtml()).isEqualTo("<p>अहमदाबाद, 12 जुलाई (भाषा) गुजरात में निकाय चुनावों में भाजपा ने"
                + " 182 में से 150 सीटें जीत लीं।</p><p>कांग्रेस को 25 सीटें मिलीं।</p>");
        // The stamp after ETX, before EOT.
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
    }

    @Test
    void windows1252CopyIsReadWithAWarning() throws Exception {
        ParseResult r = parse("afp-latin1.txt");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("message 1 (line 1): not UTF-8 (invalid byte at offset").endsWith("read as windows-1252");
        NewsItem item = r.items().get(0);
        assertThat(item.bodyHtml()).contains("the Elysée said", "the government’s fall");
        assertThat(item.bodyHtml()).doesNotContain("==", "ab/xx");
        assertThat(item.agency()).isEqualTo("AFP");
        assertThat(item.section()).isEqualTo("i");
        assertThat(item.urgency()).isEqualTo(3);
        assertThat(item.slugline()).isEqualTo("France-politics");
    }

    @Test
    void missingEtxRunsToTheEndOfTheFile() throws Exception {
        NewsItem item = parse("afp-latin1.txt").items().get(0);
        assertThat(item.warnings()).containsExactly("no ETX: text taken to the end of the file");
        assertThat(item.bodyHtml()).endsWith("<p>The appointment comes after the government’s fall in June.</p>");
    }

    @Test
    void missingEtxEndsAtTheNextSoh() throws Exception {
        String file = "\u0001PTI0001 4 DOM 0010 A-B\n\u0002First story\nText one.\n"
                + "\u0001PTI0002 4 DOM 0010 C-D\n\u0002Second story\nText two.\n\u0003";
        ParseResult r = parser.parse(utf8(file), CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("First story", "Second story");
        assertThat(r.items().get(0).bodyHtml()).isEqualTo("<p>Text one.</p>");
        assertThat(r.items().get(0).warnings()).containsExactly("no ETX: text taken to the next message");
    }

    @Test
    void messageWithoutSohStartsAtStx() throws Exception {
        NewsItem item = parse("no-soh.txt").items().get(0);
        assertThat(item.headline()).isEqualTo("Monsoon arrives early in Kerala");
        assertThat(item.bodyHtml()).isEqualTo("<p>Thiruvananthapuram, Jul 12 (UNI) The south-west monsoon set in over"
                + " Kerala on Saturday, three days ahead of schedule, the IMD said.</p><p>Heavy rain lashed several districts.</p>");
        assertThat(item.agency()).isEqualTo("UNI");
        // DDHHMM in Indian time, the agency known from the signature.
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
        assertThat(item.uri()).startsWith("urn:taar:ians-drop:");
    }

    @Test
    void killAdvisoryCancelsTheStoryItNames() throws Exception {
        NewsItem story = parse("pti-election.txt").items().get(0);
        List<NewsItem> kills = parse("uni-kill.txt").items();
        NewsItem kill = kills.get(0);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.warnings()).containsExactly("kill advisory (KILL) for ELECTION-RESULTS");
        assertThat(kill.kill()).isEqualTo(KillSignal.slug("KILL", "ELECTION-RESULTS"));
        assertThat(story.kill()).isNull();
        assertThat(kill.headline()).isEqualTo("KILL");
        // Same keyword, same day, but UNI's story, not PTI's.
        assertThat(kill.uri()).isNotEqualTo(story.uri());
        String ptiKill = "\u0001PTI0480 1 DOM 0030 KILL ELECTION-RESULTS\n\u0002KILL\nKill the story ELECTION-RESULTS.\n\u0003";
        assertThat(parser.parse(utf8(ptiKill), CTX).items().get(0).uri()).isEqualTo(story.uri());
    }

    @Test
    void killAdvisoryWithoutReferenceIsStillACancel() throws Exception {
        NewsItem kill = parse("uni-kill.txt").items().get(1);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.warnings()).containsExactly("kill advisory (WITHDRAWN) without a resolvable story reference");
        assertThat(kill.kill()).isEqualTo(KillSignal.unnamed("WITHDRAWN"));
    }

    @Test
    void killAdvisoryNamingAMessageNumberTargetsThatMessage() throws Exception {
        NewsItem kill = parse("uni-kill.txt").items().get(2);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.warnings()).containsExactly("kill advisory (ELIMINATE) for message 456");
        assertThat(kill.kill()).isEqualTo(KillSignal.message("ELIMINATE", "456"));
        String story = "\u0001UNI0456 4 DOM 0030\n\u0002Some story\nText.\n\u0003";
        assertThat(parser.parse(utf8(story), CTX).items().get(0).uri()).isEqualTo(kill.uri());
    }

    @Test
    void killInTheFirstTextLineAndNoTextAtAll() throws Exception {
        String inText = "\u0001AFP0100 1 i 0020 Mali-attack\n\u0002MANDATORY KILL\nThe story Mali-attack is withdrawn.\n\u0003";
        NewsItem kill = parser.parse(utf8(inText), CTX).items().get(0);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.warnings()).containsExactly("kill advisory (KILL) for Mali-attack");
        assertThat(kill.kill()).isEqualTo(KillSignal.slug("KILL", "Mali-attack"));
        String bare = "\u0001AFP0101 1 i 0000 KILL Mali-attack\n\u0002\n\u0003";
        NewsItem bareKill = parser.parse(utf8(bare), CTX).items().get(0);
        assertThat(bareKill.headline()).isEqualTo("KILL Mali-attack");
        assertThat(bareKill.uri()).isEqualTo(kill.uri());
        assertThat(bareKill.bodyHtml()).isNull();
    }

    @Test
    void headlineKillingIsNotAKill() throws Exception {
        String file = "\u0001PTI0600 4 DOM 0020 J-K\n\u0002Militants kill three in Kashmir\nSrinagar, Jul 12 (PTI) Text.\n\u0003";
        assertThat(parser.parse(utf8(file), CTX).items().get(0).pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(parser.parse(utf8(file), CTX).items().get(0).kill()).isNull();
    }

    @Test
    void eliminatedIsAnAdvisoryAsAKeywordButNotOpeningAHeadline() throws Exception {
        String keyword = "\u0001PTI0603 1 DOM 0020 ELIMINATED ELECTION-RESULTS\n\u0002Eliminated\nText.\n\u0003";
        NewsItem kill = parser.parse(utf8(keyword), CTX).items().get(0);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.kill()).isEqualTo(KillSignal.slug("ELIMINATED", "ELECTION-RESULTS"));
        String headline = "\u0001PTI0604 4 SPO 0020 CRICKET\n\u0002INDIA ELIMINATED FROM CUP\nText.\n\u0003";
        NewsItem story = parser.parse(utf8(headline), CTX).items().get(0);
        assertThat(story.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(story.kill()).isNull();
    }

    @Test
    void headlineOfSeveralLinesEndsAtABlankLine() throws Exception {
        String file = "\u0001PTI0601 4 DOM 0020\r\n\u0002Monsoon session of Parliament\r\nto begin on July 21\r\n\r\n"
                + "New Delhi, Jul 12 (PTI) The session begins.\r\nIt ends in August.\r\n\u0003";
        NewsItem item = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Monsoon session of Parliament to begin on July 21");
        assertThat(item.bodyHtml()).isEqualTo("<p>New Delhi, Jul 12 (PTI) The session begins. It ends in August.</p>");
    }

    @Test
    void uriIsDeterministicAndDependsOnTheSource() throws Exception {
        byte[] file = bytes("iptc7901/pti-election.txt");
        String uri = parser.parse(file, CTX).items().get(0).uri();
        assertThat(parser.parse(file, CTX).items().get(0).uri()).isEqualTo(uri);
        assertThat(parser.parse(file, new ParseContext("pti-feed", CTX.receivedAt())).items().get(0).uri()).isNotEqualTo(uri);
    }

    @Test
    void noUsableMessageIsAnErrorWithTheReasonAndLine() {
        assertThatThrownBy(() -> parse("broken.txt"))
                .isInstanceOf(ParseException.class).hasMessage("message 1 (line 1): no text after STX");
        assertThatThrownBy(() -> parser.parse(utf8("just text\n"), CTX))
                .isInstanceOf(ParseException.class).hasMessage("no IPTC 7901 message: no SOH or STX found (line 1)");
        assertThatThrownBy(() -> parser.parse(utf8("\u0001PTI0001 4 DOM 0010\n\u0003\n\u0001PTI0002 4 DOM 0010\n"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessage("no usable message among 2; last: message 2 (line 3): no STX: header without text");
    }

    @Test
    void acceptsFramedCopyOnly() {
        assertThat(parser.accepts(bytes("iptc7901/pti-election.txt"))).isTrue();
        assertThat(parser.accepts(bytes("iptc7901/afp-latin1.txt"))).isTrue();
        assertThat(parser.accepts(bytes("iptc7901/no-soh.txt"))).isTrue();
        assertThat(parser.accepts(utf8("\u0001PTI0001 4 DOM 0010 X\n\u0002Headline\ntext"))).isTrue();
        assertThat(parser.accepts(bytes("wiretext/ians-washington.txt"))).isFalse();
        assertThat(parser.accepts(bytes("wiretext/no-header.txt"))).isFalse();
        assertThat(parser.accepts(bytes("ninjs/hindi-1x.json"))).isFalse();
        assertThat(parser.accepts(utf8("\u0001 random\n\u0002 text without end"))).isFalse();
        assertThat(parser.accepts(utf8(" ".repeat(100) + "\u0002late STX\u0003"))).isFalse();
        assertThat(parser.accepts(new byte[] {1, 2, 0, 3, (byte) 0xFF})).isFalse();
    }

    /** dpa's English service: the keyword and version lines in the header, a byline under the headline, a notebook. */
    private static final String DPA = "\u0001eca0007 3 i 380  dpa 0045\r\n\r\nGermany/politics/coalition/\r\nREFILE\r\n2ND LEAD\r\n"
            + "\u0002Merkel's partners agree to talks on new coalition\r\nBy Anna Weber, dpa =\r\n\r\n"
            + "Berlin (dpa) - Germany's Social Democrats agreed on Friday to open talks\r\nwith the conservatives.\r\n\r\n"
            + "The party's leaders voted unanimously.\r\n\r\n* * * *\r\n"
            + "The following information is not intended for publication\r\n\r\n## Editorial contacts\r\n"
            + "- Reporting by: Anna Weber\r\n\r\ndpa aw rmo\r\n\r\n241530 GMT Nov 25\r\n\u0003";

    @Test
    void dpaHeaderLinesBylineDatelineAndNotebook() throws Exception {
        NewsItem item = parser.parse(utf8(DPA), Fixtures.CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Merkel's partners agree to talks on new coalition");
        assertThat(item.byline()).isEqualTo("Anna Weber");
        assertThat(item.slugline()).isEqualTo("Germany/politics/coalition");
        assertThat(item.version()).isEqualTo(3);
        assertThat(item.correction()).isFalse();
        assertThat(item.urgency()).isEqualTo(3);
        assertThat(item.agency()).isEqualTo("DPA");
        assertThat(item.located()).isEqualTo("Berlin");
        assertThat(item.bodyHtml()).startsWith("<p>Berlin (dpa) - Germany's Social Democrats agreed")
                .doesNotContain("Editorial contacts", "not intended", "* * *", "rmo");
        assertThat(item.ednote()).contains("Editorial contacts", "Reporting by: Anna Weber");
        assertThat(item.subjects()).containsExactly(new Subject("International news", "a1312cat:i"));
        assertThat(item.tags()).containsExactly("Germany", "politics", "coalition");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // headline as sent | headline shown | version | correction | urgency
            "UPDATE 2-Fed holds rates steady | Fed holds rates steady | 3 | false | 4",
            "CORRECTED-Fed holds rates steady | Fed holds rates steady | 2 | true | 4",
            "REFILE-UPDATE 1-Fed holds rates steady | Fed holds rates steady | 2 | false | 4",
            "WRAPUP 1-Storm batters coast | Storm batters coast | 2 | false | 4",
            "RPT-Fed holds rates steady | Fed holds rates steady | 1 | false | 4",
            "URGENT: Government falls | Government falls | 1 | false | 3",
            "FLASH - Quake hits Kabul | Quake hits Kabul | 1 | false | 1",
            "EILMELDUNG: Regierung tritt zurück | Regierung tritt zurück | 1 | false | 2",
            "KORREKTUR: Regierung tritt zurück | Regierung tritt zurück | 2 | true | 4",
            "(Achtung) Impressum | Impressum | 1 | false | 4",
            "1ER LEAD-Le gouvernement démissionne | Le gouvernement démissionne | 2 | false | 4",
            "RECTIFICATIF - Le gouvernement démissionne | Le gouvernement démissionne | 2 | true | 4",
            "URGENTE: Dimite el gobierno | Dimite el gobierno | 1 | false | 3",
            "AMPLIACIÓN: Dimite el gobierno | Dimite el gobierno | 2 | false | 4",
            "संशोधित: केरल में भारी बारिश | केरल में भारी बारिश | 2 | true | 4",
            "ब्रेकिंग: केरल में भारी बारिश | केरल में भारी बारिश | 1 | false | 2",
            "Update-driven sales rise | Update-driven sales rise | 1 | false | 4",
            "FLASH FLOODS KILL 10 IN ASSAM | FLASH FLOODS KILL 10 IN ASSAM | 1 | false | 4",
    })
    void headlinePrefixesAreSignalsNotWords(String sent, String shown, int version, boolean correction, int urgency)
            throws Exception {
        String file = "\u0001RTR0101 4 i 0100 ECONOMY\r\n\u0002" + sent + "\r\n   LONDON, Jan 5 (Reuters) - Text.\r\n\u0003";
        NewsItem item = parser.parse(utf8(file), Fixtures.CTX).items().get(0);
        assertThat(item.headline()).isEqualTo(shown);
        assertThat(item.version()).isEqualTo(version);
        assertThat(item.correction()).isEqualTo(correction);
        assertThat(item.urgency()).isEqualTo(urgency);
        assertThat(item.located()).isEqualTo("LONDON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "By Jean Dupont | Jean Dupont",
            "Par Jean Dupont | Jean Dupont",
            "Von Anna Schmidt, dpa | Anna Schmidt",
            "Por Juan Pérez | Juan Pérez",
            "By AFP | -",
            "by ab/cd | -",
    })
    void bylineUnderTheHeadlineIsNotPartOfIt(String byline, String names) throws Exception {
        String file = "\u0001AFP0042 4 POL 0231 France-politics\r\n\u0002Macron names new premier\r\n" + byline + "\r\n"
                + "   PARIS, July 12, 2025 (AFP) - French President Emmanuel Macron named a prime minister. ==\r\n\u0003";
        NewsItem item = parser.parse(utf8(file), Fixtures.CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Macron names new premier");
        assertThat(item.byline()).isEqualTo(names);
        assertThat(item.located()).isEqualTo("PARIS");
        assertThat(item.bodyHtml()).startsWith("<p>PARIS, July 12, 2025 (AFP)");
        assertThat(item.subjects()).containsExactly(new Subject("politics", "subj:11000000"));
    }

    @Test
    void keywordSignalsInTheFirstHeaderLineAreReadToo() throws Exception {
        String file = "\u0001RTR0102 2 i 0100 UPDATE 2 BUDGET 2025\r\n\u0002Budget passes\r\n   LONDON (Reuters) - Text.\r\n\u0003";
        NewsItem item = parser.parse(utf8(file), Fixtures.CTX).items().get(0);
        assertThat(item.slugline()).isEqualTo("BUDGET 2025");
        assertThat(item.version()).isEqualTo(3);
    }

    @Test
    void hostileMessagesAreWarningsAndLoseNothingElse() throws Exception {
        // A truncated header (no STX), then a good message.
        String file = "\u0001eca00\r\n\u0004" + DPA;
        ParseResult r = parser.parse(utf8(file), Fixtures.CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("Merkel's partners agree to talks on new coalition");
        assertThat(r.warnings()).anyMatch(w -> w.contains("no STX"));
        // Binary garbage inside the text does not stop the read.
        byte[] garbage = new byte[2048];
        new java.util.Random(11).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) if (garbage[i] >= 0 && garbage[i] < 5) garbage[i] = 'x';
        byte[] head = utf8("\u0001PTI0001 4 DOM 0100 NOISE\r\n\u0002Noise in the line\r\n   ");
        byte[] all = java.util.Arrays.copyOf(head, head.length + garbage.length + 1);
        System.arraycopy(garbage, 0, all, head.length, garbage.length);
        all[all.length - 1] = 0x03;
        NewsItem noisy = parser.parse(all, Fixtures.CTX).items().get(0);
        assertThat(noisy.headline()).isEqualTo("Noise in the line");
        // Huge: many paragraphs, one item.
        String huge = DPA.replace("The party's leaders voted unanimously.\r\n\r\n",
                "The party's leaders voted unanimously.\r\n\r\n".repeat(20_000));
        NewsItem big = parser.parse(utf8(huge), Fixtures.CTX).items().get(0);
        assertThat(big.bodyHtml().split("<p>")).hasSize(20_002);
        assertThat(big.ednote()).contains("Editorial contacts");
    }
}
