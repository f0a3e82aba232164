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
import org.taar.item.Place;
import org.taar.item.Subject;

class Anpa1312ParserTest {
    private final Anpa1312Parser parser = new Anpa1312Parser();

    private ParseResult parse(String fixture) throws ParseException {
        ParseResult r = parser.parse(bytes("anpa1312/" + fixture), CTX);
        assertThat(r.format()).isEqualTo("anpa1312");
        return r;
    }

    private NewsItem one(String fixture) throws ParseException {
        ParseResult r = parse(fixture);
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void keywordLineGivesSlugSectionAndUrgency() throws Exception {
        NewsItem item = one("ap-election.txt");
        assertThat(item.slugline()).isEqualTo("BC-US--Election-Results");
        assertThat(item.section()).isEqualTo("a");
        assertThat(item.urgency()).isEqualTo(4);
        assertThat(item.agency()).isEqualTo("AP");
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.warnings()).isEmpty();
    }

    @Test
    void frontMatterFillsHeadlineEdnoteAndByline() throws Exception {
        NewsItem item = one("ap-election.txt");
        assertThat(item.headline()).isEqualTo("Democrats hold Senate as results trickle in");
        assertThat(item.subheadline()).isEqualTo("Key races in Arizona and Nevada still too close to call");
        assertThat(item.ednote()).isEqualTo("Moves on general news and political services.");
        assertThat(item.byline()).isEqualTo("JANE DOE");
    }

    @Test
    void bodyJoinsWrappedLinesKeepsTheDatelineAndDropsEndLines() throws Exception {
        NewsItem item = one("ap-election.txt");
        assertThat(item.bodyHtml()).isEqualTo("<p>WASHINGTON (AP) -- Democrats kept control of the Senate on Saturday as"
                + " results trickled in from a handful of states, handing the party a narrow but decisive edge.</p>"
                + "<p>Officials in Arizona said counting would take days &amp; possibly weeks.</p>"
                + "<p>``We are counting every vote,'' a spokeswoman said.</p>");
        assertThat(item.bodyHtml()).doesNotContain("aAMxxxx", "Associated Press", "AP-NY", "Eds:", "(AP)<");
    }

    @Test
    void endLineGivesTheTime() throws Exception {
        NewsItem item = one("ap-election.txt");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
        assertThat(item.versionCreated()).isEqualTo(item.firstCreated());
    }

    @Test
    void writethrusKeepTheUriAndCountTheVersion() throws Exception {
        NewsItem first = one("ap-election.txt");
        List<NewsItem> later = parse("ap-writethru.txt").items();
        assertThat(later).extracting(NewsItem::uri).containsOnly(first.uri());
        assertThat(later).extracting(NewsItem::version).containsExactly(2, 4);
        assertThat(later.get(0).urgency()).isEqualTo(3);
        assertThat(later.get(0).byline()).isEqualTo("JANE DOE and JOHN ROE");
        assertThat(later.get(0).ednote()).isEqualTo("UPDATES with Arizona count, quotes; trims.");
        assertThat(later.get(0).bodyHtml()).isEqualTo("<p>WASHINGTON (AP) -- Democrats kept control of the Senate on"
                + " Saturday, Arizona officials said late in the evening.</p><p>Arizona will finish counting by Monday.</p>");
        assertThat(later.get(0).warnings()).isEmpty();
        assertThat(later.get(0).correction()).isFalse();
    }

    @Test
    void correctionIncrementsTheVersionAndIsMarked() throws Exception {
        NewsItem corrected = parse("ap-writethru.txt").items().get(1);
        assertThat(corrected.version()).isEqualTo(4);
        assertThat(corrected.correction()).isTrue();
        assertThat(corrected.warnings()).isEmpty();
        assertThat(corrected.ednote()).startsWith("CORRECTS spelling");
    }

    @Test
    void takesOfOneStoryInOneFileBecomeOneItem() throws Exception {
        NewsItem item = one("ap-takes.txt");
        assertThat(item.headline()).isEqualTo("House passes budget after all-night session");
        assertThat(item.byline()).isEqualTo("SAM LEE");
        assertThat(item.bodyHtml()).isEqualTo("<p>WASHINGTON (AP) -- The House passed the budget early Saturday after an"
                + " all-night session.</p><p>The vote was 218-214.</p>"
                + "<p>WASHINGTON: The Senate takes up the bill next week.</p><p>Its leaders have promised a quick vote.</p>");
        assertThat(item.section()).isEqualTo("f");
        assertThat(item.warnings()).containsExactly("text continues in a later take (MORE)");
    }

    @Test
    void loneLaterTakeIsItsOwnItemHeldWithAWarning() throws Exception {
        NewsItem item = one("ap-lone-take.txt");
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.headline()).isEqualTo("BC-BBO--Yankees-Red Sox (take 2)");
        assertThat(item.warnings()).containsExactly(
                "take 2 of BC-BBO--Yankees-Red Sox without its first take in this file; held for the desk");
        assertThat(item.bodyHtml()).startsWith("<p>Boston scored twice");
        String first = "\u0016\u0016\u0001a0299 r s BC-BBO--Yankees-Red Sox,0600\n\u0002^Red Sox beat Yankees<\n"
                + "   BOSTON (AP) -- The Red Sox won.\n\u0003";
        assertThat(parser.parse(utf8(first), CTX).items().get(0).uri()).isNotEqualTo(item.uri());
    }

    @Test
    void mandatoryKillCancelsTheStoryOfItsKeyword() throws Exception {
        NewsItem story = one("ap-election.txt");
        NewsItem kill = parse("ap-kill.txt").items().get(0);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.uri()).isEqualTo(story.uri());
        assertThat(kill.urgency()).isEqualTo(1);
        assertThat(kill.warnings()).containsExactly("kill advisory (MANDATORY KILL) for BC-US--Election-Results");
        assertThat(kill.kill()).isEqualTo(KillSignal.slug("MANDATORY KILL", "BC-US--Election-Results"));
    }

    @Test
    void eliminationUnderAnAdvisoryKeywordCancelsTheStoryNamedInTheText() throws Exception {
        NewsItem budget = one("ap-takes.txt");
        NewsItem kill = parse("ap-kill.txt").items().get(1);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.uri()).isEqualTo(budget.uri());
        assertThat(kill.slugline()).isEqualTo("BC-US--Budget-Vote");
        assertThat(kill.warnings()).containsExactly("kill advisory (ELIMINATION) for BC-US--Budget-Vote");
        assertThat(kill.kill()).isEqualTo(KillSignal.slug("ELIMINATION", "BC-US--Budget-Vote"));
        assertThat(budget.kill()).isNull();
    }

    @Test
    void withdrawalWithoutAStoryReferenceIsStillACancel() throws Exception {
        NewsItem kill = parse("ap-kill.txt").items().get(2);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.warnings()).containsExactly("kill advisory (WITHDRAWAL) without a resolvable story reference");
        assertThat(kill.kill()).isEqualTo(KillSignal.unnamed("WITHDRAWAL"));
    }

    @Test
    void killedInAnApKeywordIsAStoryNotAnAdvisory() throws Exception {
        String file = "\u0016\u0016\u0001a0501 r a BC-AS--Soldiers-Killed, 1st Ld-Writethru,0500\n"
                + "\u0002^Soldiers killed in ambush<\n   KABUL, Afghanistan (AP) -- Six soldiers died.\n\u0003";
        NewsItem story = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(story.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(story.kill()).isNull();
        assertThat(story.slugline()).isEqualTo("BC-AS--Soldiers-Killed");
        String kill = "\u0016\u0016\u0001a0502 f a BC-AS--Soldiers-Killed, Kill,0030\n\u0002KILL\n\u0003";
        assertThat(parser.parse(utf8(kill), CTX).items().get(0).kill())
                .isEqualTo(KillSignal.slug("KILL", "BC-AS--Soldiers-Killed"));
    }

    @Test
    void killWithoutTextIsEmittedWithASyntheticHeadline() throws Exception {
        String file = "\u0016\u0016\u0001a0500 f a BC-US--Election-Results, KILL,0000\n\u0002\n\u0003";
        NewsItem kill = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(kill.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(kill.headline()).isEqualTo("KILL BC-US--Election-Results");
    }

    @Test
    void copyWithoutControlCharactersIsOneMessage() throws Exception {
        NewsItem item = one("ap-no-controls.txt");
        assertThat(item.headline()).isEqualTo("Stocks rise as oil falls");
        assertThat(item.slugline()).isEqualTo("BC-Fin--Stocks");
        assertThat(item.bodyHtml()).isEqualTo("<p>NEW YORK (AP) -- Stocks rose on Saturday as oil prices fell.</p>");
    }

    @Test
    void badMessagesAreWarningsWhileGoodOnesAreKept() throws Exception {
        String file = "\u0016\u0016\u0001a0001 r a BC-One,0100\n\u0002^First headline<\n   WASHINGTON (AP) -- Text.\n\u0003\n"
                + "\u0016\u0016\u0001a0002 r a BC-Two,0100\n\u0002\n\n\u0003\n";
        ParseResult r = parser.parse(utf8(file), CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("First headline");
        assertThat(r.warnings()).containsExactly("message 2 (line 5): no text after STX");
    }

    @Test
    void aStoryWithoutAHeadlineLineTakesItFromItsKeywordOrItsAlertParagraph() throws Exception {
        String file = "\u0016\u0016\u0001a0003 r a BC-US--Senate-Budget-Vote,0100\n\u0002   WASHINGTON (AP) -- No headline"
                + " here, but a long first line of body text that runs on and on well past any reasonable headline length,"
                + " the way body copy does when a desk forgets the headline entirely and nobody notices it at all.\n\u0003\n"
                + "\u0016\u0016\u0001q1645\u001fasian\r\nb a\u0013\u0011 BC-US--APNewsAlert     06-29 0017\r\n"
                + "\u0002^BC-US--APNewsAlert,17<\r\n\t   TOPEKA, Kan. (AP) _ Kansas court blocks new school funding law.\r\n"
                + "\r\n\t   AP-WF-06-29-25 2350GMT<\r\n\u0003";
        List<NewsItem> items = parser.parse(utf8(file), CTX).items();
        assertThat(items).extracting(NewsItem::headline)
                .containsExactly("Senate Budget Vote", "Kansas court blocks new school funding law.");
        assertThat(items.get(0).bodyHtml()).startsWith("<p>WASHINGTON (AP) -- No headline here");
        assertThat(items.get(0).warnings()).containsExactly(
                "no headline line; headline taken from the keyword BC-US--Senate-Budget-Vote");
        NewsItem alert = items.get(1);
        assertThat(alert.urgency()).isEqualTo(2);
        assertThat(alert.located()).isEqualTo("TOPEKA");
        assertThat(alert.places()).containsExactly(new Place("Kan.", Place.STATE));
        assertThat(alert.firstCreated()).isEqualTo(Instant.parse("2025-06-29T23:50:00Z"));
    }

    @Test
    void nothingUsableIsAnErrorWithTheReasonAndLine() {
        assertThatThrownBy(() -> parser.parse(utf8("\u0016\u0016\u0001a0002 r a BC-Two,0100\n\u0002\n\u0003"), CTX))
                .isInstanceOf(ParseException.class).hasMessage("message 1 (line 1): no text after STX");
    }

    @Test
    void windows1252IsReadWithAWarning() throws Exception {
        byte[] file = "\u0016\u0016\u0001a0001 r a BC-Cafe,0100\n\u0002^Caf\u00e9 reopens<\n   PARIS (AP) -- It did.\n\u0003"
                .getBytes(WireCopy.WINDOWS_1252);
        ParseResult r = parser.parse(file, CTX);
        assertThat(r.items().get(0).headline()).isEqualTo("Caf\u00e9 reopens");
        assertThat(r.warnings()).singleElement().asString().contains("read as windows-1252");
    }

    @Test
    void acceptsApCopyButNotOtherText() {
        for (String f : List.of("ap-election.txt", "ap-writethru.txt", "ap-takes.txt", "ap-kill.txt", "ap-no-controls.txt")) {
            assertThat(parser.accepts(bytes("anpa1312/" + f))).as(f).isTrue();
        }
        assertThat(parser.accepts(bytes("iptc7901/pti-election.txt"))).isFalse();
        assertThat(parser.accepts(bytes("iptc7901/afp-latin1.txt"))).isFalse();
        assertThat(parser.accepts(bytes("wiretext/ians-washington.txt"))).isFalse();
        assertThat(parser.accepts(bytes("wiretext/no-header.txt"))).isFalse();
        assertThat(parser.accepts(bytes("ninjs/hindi-1x.json"))).isFalse();
        assertThat(parser.accepts(utf8("Headline: BC-style slug\n\nBody"))).isFalse();
    }

    /** AP's layout as newsroom systems receive it: the keyword in the header, then repeated whole in the text. */
    private static final String AP_STORY = "\u0016\u0016\u0001w1234\u001f-----\r\n"
            + "r s\u0013\u0011 BC-SOC--Cup-FinalRovers 2ndLd-Writethru   07-12 0420\r\n"
            + "\u0002^BC-SOC--Cup Final-Rovers, 2nd Ld-Writethru,412<\r\n"
            + "^Late goal gives Rovers the cup<\r\n"
            + "^AP Photo LON101, LON102<\r\n"
            + "^Eds: Updates with quotes. With AP Photos.<\r\n"
            + "^Rovers won the cup on a goal in stoppage time, ending a 40-year wait for the trophy.<\r\n"
            + "^By MARIA SILVA and TOM OKAFOR=\r\n"
            + "^AP Sports Writers=\r\n"
            + "\t   LONDON (AP) _ Rovers won the cup on Saturday with a goal in the 93rd minute. \r\n"
            + "\t   The crowd sang for an hour. \r\n"
            + "\r\n\t   AP-WF-07-12-25 1930GMT<\r\n\u0003";

    @Test
    void apHeaderAndTextLinesGiveEveryField() throws Exception {
        NewsItem item = parser.parse(utf8(AP_STORY), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Late goal gives Rovers the cup");
        assertThat(item.slugline()).isEqualTo("BC-SOC--Cup Final-Rovers");
        assertThat(item.version()).isEqualTo(3);
        assertThat(item.urgency()).isEqualTo(4);
        assertThat(item.section()).isEqualTo("s");
        assertThat(item.subjects()).containsExactly(new Subject("Sports", "a1312cat:s"), new Subject("soccer", "subj:15054000"));
        assertThat(item.summary()).isEqualTo("Rovers won the cup on a goal in stoppage time, ending a 40-year wait for the trophy.");
        assertThat(item.byline()).isEqualTo("MARIA SILVA and TOM OKAFOR");
        assertThat(item.ednote()).isEqualTo("Updates with quotes. With AP Photos.");
        assertThat(item.located()).isEqualTo("LONDON");
        assertThat(item.bodyHtml()).isEqualTo("<p>LONDON (AP) _ Rovers won the cup on Saturday with a goal in the 93rd minute.</p>"
                + "<p>The crowd sang for an hour.</p>");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T19:30:00Z"));
        assertThat(item.warnings()).isEmpty();
        assertThat(parser.accepts(utf8(AP_STORY))).isTrue();
    }

    @Test
    void writethrusOfTheApLayoutShareTheUriOfTheWholeKeyword() throws Exception {
        String first = AP_STORY.replace(" 2ndLd-Writethru", "").replace(", 2nd Ld-Writethru", "");
        NewsItem one = parser.parse(utf8(first), CTX).items().get(0);
        NewsItem three = parser.parse(utf8(AP_STORY), CTX).items().get(0);
        assertThat(one.version()).isEqualTo(1);
        assertThat(three.uri()).isEqualTo(one.uri());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "^By The Associated Press= | - ",
            "^By JANE DOE= | JANE DOE",
            "^By JANE DOE, AP Science Writer= | JANE DOE",
            "^By AP= | -",
            "^By ab/cd= | -",
    })
    void bylinesAreNamesWithoutTheAgencyTitlesOrInitials(String line, String byline) throws Exception {
        String file = AP_STORY.replace("^By MARIA SILVA and TOM OKAFOR=", line);
        assertThat(parser.parse(utf8(file), CTX).items().get(0).byline()).isEqualTo(byline);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BUENOS AIRES, Argentina (AP) _ | BUENOS AIRES | Argentina | country",
            "CHATHAM, Mass. (AP) _ | CHATHAM | Mass. | state",
            "SAN JUAN, Puerto Rico (AP) \u2014 | SAN JUAN | Puerto Rico | country",
    })
    void datelineGivesTheCityAsWrittenAndItsStateOrCountry(String dateline, String city, String place, String kind)
            throws Exception {
        String file = AP_STORY.replace("LONDON (AP) _ ", dateline.replace("\\u2014", "\u2014") + " ");
        NewsItem item = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(item.located()).isEqualTo(city);
        assertThat(item.places()).containsExactly(new Place(place, kind));
        assertThat(item.bodyHtml()).startsWith("<p>" + city);
    }

    @Test
    void aTableUnderAnAgencyBylineKeepsItsHeadings() throws Exception {
        String file = "\u0016\u0016\u0001s0284\u001f-----\r\nr q\u0013\u0012 BC-BBO--Standings     08-18 \r\n"
                + "\u0002^BC-BBO--Standings<\r\n^League Standings=\r\n^All Times EDT=\r\n^By The Associated Press=\r\n"
                + "^EAST DIVISION=\r\n^ W   L   Pct\r\nBoston 66  59  .528\r\n\t   ___=\r\n\r\n\t   AP-WF-08-18-25 2017GMT<\r\n\u0003";
        NewsItem item = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("League Standings");
        assertThat(item.subheadline()).isEqualTo("All Times EDT");
        assertThat(item.byline()).isNull();
        assertThat(item.bodyHtml()).startsWith("<p>EAST DIVISION</p>").contains("Boston 66").doesNotContain("^");
        assertThat(item.subjects()).containsExactly(new Subject("Sports results", "a1312cat:q"),
                new Subject("baseball", "subj:15007000"));
    }

    @Test
    void headlineSignalsBecomeVersionUrgencyAndCorrection() throws Exception {
        String file = AP_STORY.replace("^Late goal gives Rovers the cup<", "^CORRECTED-Late goal gives Rovers the cup<");
        NewsItem item = parser.parse(utf8(file), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Late goal gives Rovers the cup");
        assertThat(item.correction()).isTrue();
        String urgent = AP_STORY.replace("^Late goal gives Rovers the cup<", "^URGENT: Late goal gives Rovers the cup<");
        assertThat(parser.parse(utf8(urgent), CTX).items().get(0).urgency()).isEqualTo(3);
    }

    @Test
    void hostileHeadersAreErrorsOrWarningsAndLoseNothingElse() throws Exception {
        // A header cut off before its text, then a good message.
        String truncated = "\u0016\u0016\u0001w1\u001f--\r\nr\u0016\u0016" + AP_STORY;
        ParseResult r = parser.parse(utf8(truncated), CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("Late goal gives Rovers the cup");
        assertThat(r.warnings()).anyMatch(w -> w.contains("no STX"));
        // No ETX: the text runs to the end, with a warning.
        NewsItem open = parser.parse(utf8(AP_STORY.substring(0, AP_STORY.length() - 1)), CTX).items().get(0);
        assertThat(open.headline()).isEqualTo("Late goal gives Rovers the cup");
        assertThat(open.warnings()).anyMatch(w -> w.startsWith("no ETX"));
        // Binary garbage after SOH is no message.
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x16;
        garbage[1] = 0x01;
        try {
            parser.parse(garbage, CTX);
        } catch (ParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        // A huge body is read whole.
        String huge = AP_STORY.replace("\t   The crowd sang for an hour. \r\n",
                "\t   The crowd sang for an hour. \r\n".repeat(20_000));
        NewsItem big = parser.parse(utf8(huge), CTX).items().get(0);
        assertThat(big.headline()).isEqualTo("Late goal gives Rovers the cup");
        assertThat(big.bodyHtml().split("<p>")).hasSize(20_002);
    }
}
