package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.KillSignal;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

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
                + "\u0016\u0016\u0001a0002 r a BC-Two,0100\n\u0002\n\n\u0003\n"
                + "\u0016\u0016\u0001a0003 r a BC-Three,0100\n\u0002   WASHINGTON (AP) -- No headline here, but a long first"
                + " line of body text that runs on and on well past any reasonable headline length, the way body copy"
                + " does when a desk forgets the headline entirely and nobody notices it at all.\n\u0003\n";
        ParseResult r = parser.parse(utf8(file), CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("First headline");
        assertThat(r.warnings()).containsExactly("message 2 (line 5): no text after STX", "message 3 (line 9): no headline");
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
}
