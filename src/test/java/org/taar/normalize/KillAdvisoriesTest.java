package org.taar.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.taar.item.KillSignal;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.normalize.KillAdvisory;
import org.taar.kill.Kills;

class KillAdvisoriesTest {
    private static NewsItem item(String headline, String body) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:test:1";
        b.headline = headline;
        b.bodyHtml = body == null ? null : "<p>" + body.replace("\n", "</p><p>") + "</p>";
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "कृपया इस खबर का उपयोग न करें।",
        "कृपया इस ख़बर का इस्तेमाल न करें।",
        "इस खबर को न चलाएं।",
        "इस ख़बर को न चलाएँ, इसमें तथ्यात्मक त्रुटि है।",
        "कृपया 'दिल्ली में भारी बारिश से जलभराव' नामक खबर को हटा दें।",
        "'दिल्ली में भारी बारिश से जलभराव' शीर्षक से जारी खबर वापस ली जाती है।",
        "उपरोक्त समाचार रद्द किया जाता है।",
        "पूर्व में जारी स्टोरी का प्रयोग न करें।",
        "यह खबर वापस ले ली गई है। असुविधा के लिए खेद है।",
    })
    void hindiAdvisoriesAreRecognized(String text) {
        Optional<KillAdvisory> a = KillAdvisories.recognize(item("संपादकों के लिए सूचना", text));
        assertTrue(a.isPresent(), text);
        assertTrue(a.get().advisory());
    }

    @Test
    void hindiKillHeadingIsRecognized() {
        assertTrue(KillAdvisories.recognize(item("किल: दिल्ली में भारी बारिश", "स्लग: DEL-RAIN")).isPresent());
        assertTrue(KillAdvisories.recognize(item("मैंडेटरी किल", "'दिल्ली में भारी बारिश' खबर")).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // an ordinary story that merely says "cancelled", "withdrawn" or "don't use"
        "खराब मौसम के कारण दिल्ली हवाई अड्डे से 20 उड़ानें रद्द कर दी गईं।",
        "सरकार ने परीक्षा रद्द कर दी गई है, छात्रों में रोष।",
        "अदालत ने आदेश वापस लिया गया और नई सुनवाई तय की।",
        "पुलिस ने लोगों से अपील की कि इस खबर का इस्तेमाल न करें, यह फर्जी है।",
        "मंत्री ने कहा कि सोशल मीडिया पर चल रही इस खबर को न चलाएं।",
        "किला देखने पहुंचे हजारों पर्यटक।",
        "सेना ने मुठभेड़ में तीन आतंकियों को मार गिराया।",
    })
    void ordinaryHindiStoriesAreNoAdvisory(String text) {
        assertTrue(KillAdvisories.recognize(item("दिल्ली की खबर", text)).isEmpty(), text);
    }

    @Test
    void aLongStoryQuotingTheWordsIsNoAdvisory() {
        String para = "राजधानी में आज दिनभर बारिश होती रही और कई इलाकों में पानी भर गया, जिससे यातायात प्रभावित हुआ। ";
        String text = para.repeat(20) + "कृपया इस खबर का उपयोग न करें।";
        assertTrue(KillAdvisories.recognize(item("दिल्ली में बारिश", text)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"KILL", "MANDATORY KILL", "WITHDRAWN", "ELIMINATE", "ADVISORY: WITHDRAWAL"})
    void englishAdvisoryWordsLeadingTheHeadline(String word) {
        Optional<KillAdvisory> a = KillAdvisories.recognize(
                item(word + " BC-US-Storm", "The story slugged BC-US-Storm is withdrawn. A kill is mandatory."));
        assertTrue(a.isPresent(), word);
        assertEquals("BC-US-Storm", a.get().slug());
    }

    @Test
    void englishPhraseWithQuotedHeadline() {
        KillAdvisory a = KillAdvisories.recognize(item("Editors' note",
                "Please kill the story headlined \"Storm floods coastal towns\". It was sent in error.")).orElseThrow();
        assertEquals(List.of("Storm floods coastal towns"), a.headlines());
        assertTrue(a.advisory());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Police kill three in Srinagar", "Killer whale spotted off Kerala coast",
        "Bill withdrawn from Parliament", "Elimination round postponed"})
    void englishHeadlinesAreNoAdvisory(String headline) {
        assertTrue(KillAdvisories.recognize(item(headline, "A story about " + headline + ".")).isEmpty(), headline);
    }

    @Test
    void aCanceledItemIsACancelOfItselfNamedByItsUriAndHeadline() {
        NewsItem.Builder b = item("Storm floods coastal towns", "text").toBuilder();
        b.pubstatus = PubStatus.CANCELED;
        KillAdvisory a = KillAdvisories.recognize(b.build()).orElseThrow();
        assertFalse(a.advisory());
        assertEquals(List.of("urn:test:1"), a.uris());
        assertEquals(List.of("Storm floods coastal towns"), a.headlines());
    }

    @Test
    void identifiersNamedInTheTextAreReferences() {
        KillAdvisory a = KillAdvisories.recognize(item("KILL", "Please kill urn:ians:2025:0042 sent at 10:00."))
                .orElseThrow();
        assertTrue(a.uris().contains("urn:ians:2025:0042"));
    }

    @Test
    void foldingTakesNuktaAndChandrabinduAway() {
        assertEquals("खबर न चलाएं", KillAdvisories.fold("ख़बर न चलाएँ"));
    }

    @Test
    void theParsersKillSignalGivesTheWordWhenTheTextReadsAsNoAdvisory() {
        NewsItem.Builder b = item("Election results", "Results of the vote.").toBuilder();
        b.pubstatus = PubStatus.CANCELED;
        b.kill = KillSignal.slug("ELIMINATION", "BC-US--Budget-Vote");
        KillAdvisory a = KillAdvisories.recognize(b.build()).orElseThrow();
        assertTrue(a.advisory());
        assertEquals("ELIMINATION", a.kind());
    }

    @Test
    void aWarningThatReadsLikeAnAdvisoryIsNoLongerReadBack() {
        NewsItem.Builder b = item("Election results", "Results of the vote.").toBuilder();
        b.pubstatus = PubStatus.CANCELED;
        b.warn("kill advisory (KILL) for BC-US--Election-Results");
        KillAdvisory a = KillAdvisories.recognize(b.build()).orElseThrow();
        assertFalse(a.advisory());
        assertEquals("CANCELED", a.kind());
    }

    @Test
    void aKillSignalOnAnItemStillUsableIsNoKillByItself() {
        NewsItem.Builder b = item("Election results", "Results of the vote.").toBuilder();
        b.kill = KillSignal.unnamed("KILL");
        assertTrue(KillAdvisories.recognize(b.build()).isEmpty());
    }

    @Test
    void anAdvisorySentAsAnOrdinaryItemBecomesACancelWithItsSignal() {
        NewsItem kill = new KillSignalFilter().apply(item("KILL BC-US-Storm", "The story slugged BC-US-Storm is withdrawn."));
        assertEquals(PubStatus.CANCELED, kill.pubstatus());
        assertEquals(KillSignal.slug("KILL", "BC-US-Storm"), kill.kill());
        assertTrue(kill.warnings().contains("kill advisory (KILL)"));
        assertTrue(Kills.reason(kill).startsWith("kill advisory (KILL): KILL BC-US-Storm"), Kills.reason(kill));

        NewsItem quoted = new KillSignalFilter().apply(item("Editors' note",
                "Please kill the story headlined \"Storm floods coastal towns\". It was sent in error."));
        assertEquals(KillSignal.headline("ADVISORY", "Storm floods coastal towns"), quoted.kill());
        NewsItem byUri = new KillSignalFilter().apply(item("KILL", "Please kill urn:ians:2025:0042 sent at 10:00."));
        assertEquals(KillSignal.uri("KILL", "urn:ians:2025:0042"), byUri.kill());
        NewsItem hindi = new KillSignalFilter().apply(item("संपादकों के लिए सूचना", "इस खबर को न चलाएं।"));
        assertEquals(KillSignal.unnamed("परामर्श"), hindi.kill());

        NewsItem story = item("Storm floods coastal towns", "The sea rose.");
        assertEquals(story, new KillSignalFilter().apply(story));
    }
}
