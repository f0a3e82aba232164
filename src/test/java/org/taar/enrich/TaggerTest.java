package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.taar.item.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Slugger;

class TaggerTest {
    private static final Gazetteer GAZETTEER = Gazetteer.standard();
    private final Tagger tagger = new Tagger(GAZETTEER, new Slugger());

    private static NewsItem item(String headline, String summary, String body, String... declared) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:test:tagger";
        b.headline = headline;
        b.summary = summary;
        b.bodyHtml = body;
        b.tags = new ArrayList<>(List.of(declared));
        return b.build();
    }

    private List<String> slugs(NewsItem item) {
        return tagger.tags(item).stream().map(Tag::slug).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"मोदी", "नरेंद्र मोदी", "नरेन्द्र मोदी", "प्रधानमंत्री मोदी", "पीएम मोदी", "Narendra Modi",
            "PM Modi", "Modi's"})
    void variantsOfAPersonBecomeOneTag(String name) {
        assertThat(tagger.tags(item(name + " ने कहा", null, null)))
                .containsExactly(new Tag("narendra-modi", "नरेंद्र मोदी"));
    }

    @Test
    void spellingVariantsMeetInOneTag() {
        // नुक़्ता, अमरीका/अमेरिका, chandrabindu/anusvara.
        NewsItem it = item("अमरीका और अमेरिका", "ग़ाज़ा में गाजा की बात", "<p>राहुल गाँधी और राहुल गांधी</p>");
        assertThat(slugs(it)).containsExactly("united-states", "gaza", "rahul-gandhi");
        assertThat(tagger.tags(it).get(0).name()).isEqualTo("अमेरिका");
    }

    @Test
    void knownEntitiesTakeTheirEnglishNameAsSlug() {
        assertThat(tagger.tags(item("उत्तर कोरिया ने मिसाइल दागी", null, null)))
                .containsExactly(new Tag("north-korea", "उत्तर कोरिया"));
    }

    @Test
    void longestMatchWins() {
        // Not "कोरिया" and not उत्तर प्रदेश: the whole name.
        assertThat(slugs(item("दक्षिण कोरिया और उत्तर प्रदेश", null, null))).containsExactly("south-korea", "uttar-pradesh");
    }

    @Test
    void shortCapitalAcronymsMatchOnlyInCapitals() {
        assertThat(slugs(item("US and UK talk", null, null))).containsExactly("united-states", "united-kingdom");
        assertThat(slugs(item("Tell us who is up", null, null))).isEmpty();
    }

    @Test
    void anUnknownNameAfterATitleIsAPerson() {
        List<Tag> tags = tagger.tags(item("मुख्यमंत्री रामलाल वर्मा ने सड़क का उद्घाटन किया", null,
                "<p>डॉ. सुमन कपूर के अनुसार काम जल्द पूरा होगा। मंत्री ने कहा। प्रधानमंत्री कार्यालय ने बयान दिया।</p>"));
        assertThat(tags).containsExactly(new Tag("ramlal-varma", "रामलाल वर्मा"), new Tag("suman-kapur", "सुमन कपूर"));
    }

    @Test
    void aTitleDoesNotReachAcrossPunctuationOrTakeAVerb() {
        assertThat(tagger.tags(item("सीएम… जोड़-तोड़ के खेल में", null, "<p>सांसद बोले- सेना ने काम किया</p>"))).isEmpty();
    }

    @Test
    void anEnglishTitleTakesTheCapitalisedNameAfterIt() {
        assertThat(slugs(item("Dr. Anjali Rao said the trial works", null, null))).containsExactly("anjali-rao");
    }

    @Test
    void headlineMentionsComeFirstThenFrequencyThenFirstPosition() {
        NewsItem it = item("चीन पर बयान", "जापान, रूस और ब्रिटेन",
                "<p>रूस, ब्रिटेन, ब्रिटेन, रूस, ब्रिटेन। जापान।</p>");
        assertThat(slugs(it)).containsExactly("china", "united-kingdom", "russia", "japan");
    }

    @Test
    void atMostEightTags() {
        NewsItem it = item("भारत", null, "<p>चीन जापान रूस नेपाल भूटान पाकिस्तान बांग्लादेश श्रीलंका मालदीव म्यांमार</p>");
        assertThat(tagger.tags(it)).hasSize(8).first().isEqualTo(new Tag("india", "भारत"));
    }

    @Test
    void declaredTagsComeFirstAndMergeWithFoundOnesByCanonicalSlug() {
        NewsItem it = item("मोदी और ट्रंप की मुलाकात", null, null, "व्यापार", "Narendra Modi");
        assertThat(tagger.tags(it)).containsExactly(
                new Tag(new Slugger().slug("व्यापार"), "व्यापार"),
                new Tag("narendra-modi", "नरेंद्र मोदी"),
                new Tag("donald-trump", "डोनाल्ड ट्रंप"));
    }

    @Test
    void namesLearnedFromTheArchiveAreFound() {
        Gazetteer g = Gazetteer.standard();
        g.learn("चंद्रयान-3", "chandrayan-3", "चंद्रयान-3");
        g.learn("नमो", "narendra-modi", "नरेंद्र मोदी");
        g.learn("मोदी", "modi", "मोदी"); // the shipped meaning wins
        g.learn("ab", "ab", "ab"); // too short to learn
        Tagger t = new Tagger(g, new Slugger());
        assertThat(t.tags(item("चंद्रयान-3 पर नमो और मोदी ab", null, null)).stream().map(Tag::slug))
                .containsExactly("narendra-modi", "chandrayan-3"); // नमो and मोदी: two mentions
    }

    @Test
    void theDatelineIsNotATag() {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:test:dateline";
        b.headline = "बारिश से राहत";
        b.located = "नई दिल्ली";
        b.bodyHtml = "<p>नई दिल्ली, 5 जून (भाषा)। मुंबई में बारिश हुई।</p>";
        assertThat(tagger.tags(b.build())).extracting(Tag::slug).containsExactly("mumbai");
        b.located = "लखनऊ";
        b.bodyHtml = "<p>लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई): मुंबई में बारिश हुई। उत्तर प्रदेश में भी।</p>";
        // The state and country of the dateline are not tags; the state named in the story is.
        assertThat(tagger.tags(b.build())).extracting(Tag::slug).containsExactly("mumbai", "uttar-pradesh");
    }

    @Test
    void noTextNoTags() {
        assertThat(tagger.tags(item(null, null, null))).isEmpty();
    }
}
