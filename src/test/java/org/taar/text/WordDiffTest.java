package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.text.WordDiff.Kind.ADDED;
import static org.taar.text.WordDiff.Kind.REMOVED;
import static org.taar.text.WordDiff.Kind.SAME;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.taar.text.WordDiff.Segment;

class WordDiffTest {
    private static Segment same(String t) {
        return new Segment(SAME, t);
    }

    private static Segment removed(String t) {
        return new Segment(REMOVED, t);
    }

    private static Segment added(String t) {
        return new Segment(ADDED, t);
    }

    @Test
    void aCompoundWrittenApartIsOneWordRemovedAndTwoAdded() {
        assertThat(WordDiff.diff("प्रधानमंत्री ने कहा", "प्रधान मंत्री ने कहा"))
                .containsExactly(removed("प्रधानमंत्री"), added("प्रधान मंत्री"), same(" ने कहा"));
    }

    @Test
    void aDroppedNuktaChangesTheWholeWordNotAStrayMark() {
        assertThat(WordDiff.diff("नया क़ानून लागू", "नया कानून लागू"))
                .containsExactly(same("नया "), removed("क़ानून"), added("कानून"), same(" लागू"));
    }

    @Test
    void aChangedMatraOrViramaChangesTheWholeWord() {
        assertThat(WordDiff.diff("दिल्ली में बारिश हुई", "दिल्ली में बारीश हुई"))
                .containsExactly(same("दिल्ली में "), removed("बारिश"), added("बारीश"), same(" हुई"));
        // विद्यालय with its virama against the same letters without it.
        assertThat(WordDiff.diff("विद्यालय बंद", "विदयालय बंद"))
                .containsExactly(removed("विद्यालय"), added("विदयालय"), same(" बंद"));
    }

    @Test
    void englishWordsAndPunctuationAreTokensOfTheirOwn() {
        assertThat(WordDiff.diff("The quick brown fox.", "The slow brown fox!"))
                .containsExactly(same("The "), removed("quick"), added("slow"), same(" brown fox"), removed("."),
                        added("!"));
    }

    @Test
    void sameTextIsOneSameSegmentAndNothingIsEmpty() {
        assertThat(WordDiff.diff("वही ख़बर", "वही ख़बर")).containsExactly(same("वही ख़बर"));
        assertThat(WordDiff.diff(null, null)).isEmpty();
        assertThat(WordDiff.diff("", "नई")).containsExactly(added("नई"));
        assertThat(WordDiff.diff("पुरानी", null)).containsExactly(removed("पुरानी"));
    }

    @Test
    void markupInTextIsComparedAsText() {
        List<Segment> d = WordDiff.diff("<b>राहत</b> पैकेज", "<script>alert(1)</script> पैकेज");
        assertThat(WordDiff.older(d)).isEqualTo("<b>राहत</b> पैकेज");
        assertThat(WordDiff.newer(d)).isEqualTo("<script>alert(1)</script> पैकेज");
        assertThat(d).contains(same("<"), removed("b"), added("script"), same(">"));
    }

    @Test
    void bothTextsRebuildExactlyFromTheirSegments() {
        String[][] pairs = {
            {"केंद्र सरकार ने बुधवार को नई शिक्षा नीति की घोषणा की।\n\nप्रधानमंत्री ने कहा कि यह ऐतिहासिक है।",
             "केंद्र सरकार ने गुरुवार को नई शिक्षा नीति की घोषणा की।\n\nप्रधान मंत्री ने कहा, \"यह ऐतिहासिक है\"।\n\nनया अनुच्छेद।"},
            {"क़ानून मंत्री ज़िले में", "कानून मंत्री जिले में पहुँचे"},
            {"The minister said on Monday that talks would resume.", "The minister said on Tuesday talks would resume soon."},
            {"  leading and trailing  ", "\tleading and\ntrailing\n"},
            {"emoji 👩‍👩‍👧 family", "emoji 👩‍👩‍👦 family 🇮🇳"},
        };
        for (String[] p : pairs) {
            List<Segment> d = WordDiff.diff(p[0], p[1]);
            assertThat(WordDiff.older(d)).isEqualTo(p[0]);
            assertThat(WordDiff.newer(d)).isEqualTo(p[1]);
            assertNoClusterIsSplit(p[0], p[1], d);
        }
    }

    @Test
    void randomStringsRebuildExactlyAndNeverSplitAGraphemeCluster() {
        String[] pieces = {"क", "ष", "र", "ज", "्", "ा", "ि", "ी", "़", "ं", "ँ", "\u200D", "\u200C", " ", "  ", "\n",
            "\n\n", "।", ",", "a", "b", "Z", "1", "२", "'", "-", "👩", "\u200D👧", "🇮", "🇳", "e\u0301", "\r\n"};
        Random r = new Random(12);
        for (int round = 0; round < 500; round++) {
            String a = random(r, pieces);
            String b = r.nextBoolean() ? mutate(r, a, pieces) : random(r, pieces);
            List<Segment> d = WordDiff.diff(a, b);
            assertThat(WordDiff.older(d)).as("old of round %d", round).isEqualTo(a);
            assertThat(WordDiff.newer(d)).as("new of round %d", round).isEqualTo(b);
            assertNoClusterIsSplit(a, b, d);
            assertThat(d).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
        }
    }

    @Test
    void aLongBodyWithChangesFarApartIsComparedByParagraphAndStillWordByWordInside() {
        StringBuilder a = new StringBuilder("पहला अनुच्छेद बदला जाएगा।\n\n");
        for (int i = 0; i < 3_000; i++) a.append("अनुच्छेद ").append(i).append(" में कुछ शब्द हैं।\n\n");
        StringBuilder b = new StringBuilder("पहला अनुच्छेद बदल गया।\n\n").append(a.substring(a.indexOf("\n\n") + 2));
        a.append("आख़िरी पंक्ति।");
        b.append("अंतिम पंक्ति।");
        assertThat(WordDiff.tokens(a.toString()).size()).isGreaterThan(WordDiff.WORD_LIMIT);
        List<Segment> d = WordDiff.diff(a.toString(), b.toString());
        assertThat(WordDiff.older(d)).isEqualTo(a.toString());
        assertThat(WordDiff.newer(d)).isEqualTo(b.toString());
        assertThat(d).contains(removed("बदला"), added("बदल"), removed("जाएगा"), added("गया"), removed("आख़िरी"), added("अंतिम"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aRewrittenMegabyteBodyFinishesAndRebuilds() {
        Random r = new Random(3);
        String[] words = {"सरकार", "मंत्री", "क़ानून", "बारिश", "ज़िला", "news", "policy", "प्रधानमंत्री", "।"};
        for (String sep : new String[] {"\n\n", " "}) {
            String a = text(r, words, sep, 1_000_000);
            String b = text(r, words, sep, 1_000_000);
            List<Segment> d = WordDiff.diff(a, b);
            assertThat(WordDiff.older(d)).isEqualTo(a);
            assertThat(WordDiff.newer(d)).isEqualTo(b);
        }
        // Few, long paragraphs: the paragraph diff is cheap and each changed one costs the budget.
        String a = text(r, words, " ", 1_000_000).replaceAll("(.{20000}) ", "$1\n");
        String b = text(r, words, " ", 1_000_000).replaceAll("(.{20000}) ", "$1\n");
        List<Segment> d = WordDiff.diff(a, b);
        assertThat(WordDiff.newer(d)).isEqualTo(b);
    }

    @Test
    void bodyTextIsTheParagraphsOfTheHtmlWithMarkupAsText() {
        assertThat(WordDiff.bodyText("<p>पहला <b>अनुच्छेद</b></p><p>&lt;script&gt;दूसरा</p>"))
                .isEqualTo("पहला अनुच्छेद\n\n<script>दूसरा");
        assertThat(WordDiff.bodyText(null)).isEmpty();
    }

    @Test
    void fieldDiffsSayWhichFieldsChanged() {
        List<FieldDiff> d = FieldDiff.between(
                new FieldDiff.Copy("बाढ़ से <i>तबाही</i>", "सारांश", "<p>पहला अनुच्छेद</p><p>दूसरा</p>"),
                new FieldDiff.Copy("बाढ़ से भारी तबाही", "सारांश", "<p>पहला अनुच्छेद</p><p>दूसरा बदला</p>"));
        assertThat(d).extracting(FieldDiff::field).containsExactly("headline", "summary", "body");
        assertThat(d).extracting(FieldDiff::changed).containsExactly(true, false, true);
        assertThat(WordDiff.older(d.get(0).segments())).isEqualTo("बाढ़ से <i>तबाही</i>");
        assertThat(d.get(2).segments()).containsExactly(same("पहला अनुच्छेद\n\nदूसरा"), added(" बदला"));
        List<FieldDiff> none = FieldDiff.between(new FieldDiff.Copy(null, null, null), new FieldDiff.Copy(null, "", ""));
        assertThat(none).noneMatch(FieldDiff::changed);
    }

    private static void assertNoClusterIsSplit(String a, String b, List<Segment> d) {
        int atA = 0;
        int atB = 0;
        for (Segment s : d) {
            if (s.kind() != ADDED) {
                atA += s.text().length();
                assertThat(isGraphemeBoundary(a, atA)).as("old text cut at %d in %s", atA, d).isTrue();
            }
            if (s.kind() != REMOVED) {
                atB += s.text().length();
                assertThat(isGraphemeBoundary(b, atB)).as("new text cut at %d in %s", atB, d).isTrue();
            }
        }
    }

    private static boolean isGraphemeBoundary(String s, int at) {
        BreakIterator g = BreakIterator.getCharacterInstance(ULocale.ROOT);
        g.setText(s);
        return g.isBoundary(at);
    }

    private static String random(Random r, String[] pieces) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) b.append(pieces[r.nextInt(pieces.length)]);
        return b.toString();
    }

    private static String mutate(Random r, String a, String[] pieces) {
        List<String> parts = new ArrayList<>(List.of(a.split("(?<= )")));
        for (int k = 0; k < 3; k++) {
            int at = parts.isEmpty() ? 0 : r.nextInt(parts.size());
            if (r.nextBoolean() && !parts.isEmpty()) parts.remove(at);
            else parts.add(at, random(r, pieces));
        }
        return String.join("", parts);
    }

    private static String text(Random r, String[] words, String sep, int size) {
        StringBuilder b = new StringBuilder(size + 64);
        while (b.length() < size) {
            b.append(words[r.nextInt(words.length)]).append(r.nextInt(5) == 0 ? sep : " ");
        }
        return b.toString();
    }
}
