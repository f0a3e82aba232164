package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taar.item.NewsItem;

class CorrectionFilterTest {
    private static NewsItem.Builder marked(String headline, String ednote, String slugline) {
        NewsItem.Builder b = NewsItem.builder();
        b.headline = headline;
        b.ednote = ednote;
        b.slugline = slugline;
        return new CorrectionFilter().apply(b.build()).toBuilder();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CORRECTED: Senate passes budget | Senate passes budget",
            "CORRECTED-Senate passes budget | Senate passes budget",
            "Correction - Senate passes budget | Senate passes budget",
            "REFILE-CORRECTED-Senate passes budget | Senate passes budget",
            "सुधार: केरल में भारी बारिश | केरल में भारी बारिश",
            "संशोधित: केरल में भारी बारिश | केरल में भारी बारिश",
            "केरल में भारी बारिश (सुधार के साथ) | केरल में भारी बारिश",
            "(सुधार के साथ) केरल में भारी बारिश | केरल में भारी बारिश",
            "UPDATE 2-CORRECTED-Fed holds rates | Fed holds rates",
            "RPT-CORRECTED-Fed holds rates | Fed holds rates",
            "KORREKTUR: Regierung tritt zurück | Regierung tritt zurück",
            "RECTIFICATIF - Le gouvernement démissionne | Le gouvernement démissionne",
            "CORRECCIÓN: Dimite el gobierno | Dimite el gobierno",
            "Fed holds rates (CORRECTED) | Fed holds rates",
    })
    void headlineMarkersAreReadAndTakenOff(String headline, String shown) {
        NewsItem.Builder b = marked(headline, null, null);
        assertThat(b.correction).isTrue();
        assertThat(b.headline).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "सुधार की राह पर अर्थव्यवस्था",
            "संशोधित नागरिकता क़ानून पर सुनवाई",
            "Correctional facility opens in Pune",
            "Senate passes budget",
    })
    void wordsThatOnlyLookLikeMarkersAreLeftAlone(String headline) {
        NewsItem.Builder b = marked(headline, null, null);
        assertThat(b.correction).isFalse();
        assertThat(b.headline).isEqualTo(headline);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"REFILE-Senate passes budget | Senate passes budget"})
    void aRefileIsNoCorrection(String headline, String shown) {
        NewsItem.Builder b = marked(headline, null, null);
        assertThat(b.correction).isFalse();
        assertThat(b.headline).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "CORRECTS spelling of senator's name | - | true",
            "UPDATES with Arizona count | - | false",
            "- | BC-Election-Corrected | true",
            "- | BC-Election | false",
            "सुधार: दूसरे अनुच्छेद में आँकड़ा ठीक किया | - | true",
    })
    void editorsNotesAndSluglinesSayCorrectionToo(String ednote, String slugline, boolean correction) {
        assertThat(marked("Senate passes budget", ednote, slugline).correction).isEqualTo(correction);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CORRECTED: | CORRECTED:"})
    void aHeadlineThatIsOnlyTheMarkerKeepsItsWords(String headline, String shown) {
        NewsItem.Builder b = marked(headline, null, null);
        assertThat(b.headline).isEqualTo(shown);
    }
}
