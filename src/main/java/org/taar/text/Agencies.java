package org.taar.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps the names agencies go by, in Hindi and English, to Taar's canonical agency codes. */
public final class Agencies {

    private final Map<String, String> codes = new HashMap<>();

    public Agencies() {
        add("IANS", "IANS", "आईएएनएस", "आइएएनएस", "Indo-Asian News Service");
        add("PTI", "PTI", "पीटीआई", "पीटीआइ", "भाषा", "पीटीआई-भाषा", "PTI-Bhasha", "Bhasha", "Press Trust of India",
                "प्रेस ट्रस्ट ऑफ इंडिया");
        add("UNI", "UNI", "यूएनआई", "यूनीवार्ता", "यूनिवार्ता", "वार्ता", "यूएनआई-वार्ता",
                "United News of India", "UNI-Varta", "Univarta");
        add("ANI", "ANI", "एएनआई", "एएनआइ", "Asian News International");
        add("HS", "HS", "हि.स.", "हिस", "हिन्दुस्थान समाचार", "हिंदुस्थान समाचार", "हिन्दुस्तान समाचार",
                "हिंदुस्तान समाचार", "Hindusthan Samachar", "Hindustan Samachar");
        add("AP", "AP", "एपी", "Associated Press", "एसोसिएटेड प्रेस");
        add("AFP", "AFP", "एएफपी", "Agence France-Presse", "Agence France Presse");
        add("REUTERS", "Reuters", "रायटर", "रायटर्स", "रॉयटर", "रॉयटर्स", "रोयटर्स", "रॉयटर्स");
        add("XINHUA", "Xinhua", "शिन्हुआ", "सिन्हुआ", "शिन्ह्वा");
        add("DPA", "dpa", "डीपीए", "Deutsche Presse-Agentur");
    }

    /** The canonical code for an agency name as written, or empty when the name is no agency we know. */
    public Optional<String> code(String name) {
        if (name == null) return Optional.empty();
        return Optional.ofNullable(codes.get(key(name)));
    }

    private void add(String code, String... names) {
        for (String name : names) codes.put(key(name), code);
    }

    // Dots, spaces, hyphens and nuktas vary between desks (हि.स. / हिस, PTI-Bhasha / PTI Bhasha).
    static String key(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(nfc.length());
        nfc.codePoints()
                .filter(cp -> Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                        || Character.getType(cp) == Character.COMBINING_SPACING_MARK)
                .filter(cp -> cp != 0x093C)
                .forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
