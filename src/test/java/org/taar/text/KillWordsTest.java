package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.taar.text.KillWords.Word;

class KillWordsTest {
    @Test
    void wordsAreTriedLongestFirst() {
        assertThat(KillWords.either(KillWords.OPENING))
                .isEqualTo("ELIMINATION|WITHDRAWAL|ELIMINATE|WITHDRAWN|WITHDRAW|KILLED|KILL");
    }

    @Test
    void wordsThatAreAlsoStoryWordsCountOnlyWhereTheyCanBeNothingElse() {
        assertThat(KillWords.AS_KEYWORD).contains(Word.ELIMINATED, Word.KILLED);
        assertThat(KillWords.OPENING).doesNotContain(Word.ELIMINATED).contains(Word.KILLED);
        assertThat(KillWords.AP).doesNotContain(Word.ELIMINATED, Word.KILLED).contains(Word.KILL, Word.WITHDRAWAL);
        Pattern opening = Pattern.compile("^(?:" + KillWords.either(KillWords.OPENING) + ")\\b");
        assertThat(opening.matcher("ELIMINATED FROM THE CUP").find()).isFalse();
        assertThat(opening.matcher("ELIMINATE BC-US-Storm").find()).isTrue();
        Pattern ap = Pattern.compile("(?i)\\b(?:" + KillWords.MANDATORY_KILL + "|" + KillWords.either(KillWords.AP) + ")\\b");
        assertThat(ap.matcher("BC-Soldiers-Killed").find()).isFalse();
        assertThat(ap.matcher("Mandatory  Kill").find()).isTrue();
    }

    @Test
    void aKeywordIsAnAdvisoryWordInAnyCaseButNotWithOtherLetters() {
        assertThat(KillWords.isWord("kill")).isTrue();
        assertThat(KillWords.isWord("Withdrawn")).isTrue();
        assertThat(KillWords.isWord("ELIMINATED")).isTrue();
        assertThat(KillWords.isWord("KILLER")).isFalse();
        assertThat(KillWords.isWord("KILL:")).isFalse();
        assertThat(KillWords.isWord("MANDATORY")).isFalse();
        assertThat(KillWords.QUALIFIERS).contains("MANDATORY", "ADVISORY");
    }

    @Test
    void anAdvisoryWordIsKeptInCapitalsWithSingleSpaces() {
        assertThat(KillWords.spelled(" mandatory \t kill ")).isEqualTo("MANDATORY KILL");
    }

    @Test
    void hindiHeadingIsTheKillWordNotAWordThatStartsWithIt() {
        assertThat(KillWords.HINDI_HEADING.matcher("किल: दिल्ली में भारी बारिश").find()).isTrue();
        assertThat(KillWords.HINDI_HEADING.matcher("परामर्श: मैंडेटरी किल").find()).isTrue();
        assertThat(KillWords.HINDI_HEADING.matcher("किला देखने पहुंचे पर्यटक").find()).isFalse();
    }

    @Test
    void hindiDirectivesAndPointersAreReadOverFoldedText() {
        String s = KillWords.fold("कृपया इस ख़बर को न चलाएँ");
        assertThat(s).isEqualTo("कृपया इस खबर को न चलाएं");
        assertThat(KillWords.HINDI_DIRECTIVE.matcher(s).find()).isTrue();
        assertThat(KillWords.HINDI_POINTER.matcher(s).find()).isTrue();
        assertThat(KillWords.HINDI_REPORTED.matcher("पुलिस ने अपील की कि यह फर्जी है").find()).isTrue();
        assertThat(KillWords.ENGLISH_PHRASE.matcher("Please kill the story headlined \"Storm\".").find()).isTrue();
        assertThat(KillWords.ENGLISH_PHRASE.matcher("Police kill three in Srinagar.").find()).isFalse();
    }
}
