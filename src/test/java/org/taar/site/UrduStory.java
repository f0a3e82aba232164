package org.taar.site;

import java.nio.charset.StandardCharsets;

/** An Urdu wire story written for the right-to-left tests, in Taar's wire-text format. */
final class UrduStory {
    static final String HEADLINE = "کراچی میں بارش سے نظام زندگی متاثر";
    static final String SUMMARY = "شہر کے کئی علاقوں میں پانی جمع ہو گیا۔";
    static final String WORD = "کراچی";

    private UrduStory() {}

    /** The story with {@code language} as the wire declares it (null: no Language line). */
    static byte[] wire(String uri, String language) {
        return ("Headline: " + HEADLINE + "\n"
                + "Summary: " + SUMMARY + "\n"
                + "Section: देश\n"
                + "Tags: کراچی, موسم\n"
                + "Agency: IANS\n"
                + (language == null ? "" : "Language: " + language + "\n")
                + "URI: " + uri + "\n"
                + "Version: 1\n"
                + "\n"
                + "کراچی، 12 جولائی (آئی اے این ایس)۔ شہر میں رات بھر موسلا دھار بارش ہوتی رہی۔\n\n"
                + "محکمہ موسمیات کے مطابق بارش کا سلسلہ کل تک جاری رہے گا۔\n\n"
                + "شہری انتظامیہ نے نشیبی علاقوں سے پانی نکالنے کا کام شروع کر دیا ہے۔\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
