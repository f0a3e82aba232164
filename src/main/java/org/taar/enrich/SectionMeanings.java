package org.taar.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taar.config.Config;
import org.taar.text.Folding;

/**
 * What the words agencies and feeds use for a section mean, so that a section the site does not
 * name still finds its place: {@code कूटनीति}, {@code foreign} and {@code अंतरराष्ट्रीय} mean world news,
 * {@code IPL} and {@code क्रिकेट} sports, {@code शेयर बाज़ार} business. A meaning reaches the site's
 * section whose slug is the meaning's (or a broader meaning's: science falls to technology), or
 * whose name or alias is one of the meaning's words; a meaning no section takes does nothing.
 */
public final class SectionMeanings {

    /** A meaning: its key (the slug a site would give it), broader meanings to fall back on, and its words. */
    record Meaning(String key, List<String> broader, List<String> words) {}

    // Filler around a section's name in feeds: "Sports News", "खेल समाचार", "Latest World Updates".
    private static final Set<String> FILLER = keys("news", "latest", "top", "breaking", "updates", "update",
            "stories", "section", "hindi", "english", "headlines", "समाचार", "खबर", "खबरें", "ख़बर", "ख़बरें", "न्यूज़",
            "न्यूज", "ताज़ा", "हिंदी", "हिन्दी", "जगत", "की", "से", "के", "का");

    static final List<Meaning> MEANINGS = List.of(
            new Meaning("world", List.of(), List.of("world", "international", "foreign", "diplomacy", "global",
                    "abroad", "overseas", "foreign affairs", "international relations", "geopolitics", "world affairs",
                    "asia", "south asia", "europe", "middle east", "americas", "africa", "us", "neighbourhood",
                    "विदेश", "दुनिया", "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय", "कूटनीति", "राजनय", "विश्व", "दुनिया भर",
                    "विदेश नीति", "अंतरराष्ट्रीय संबंध", "विदेशी", "ग्लोबल", "वर्ल्ड", "इंटरनेशनल", "एशिया",
                    "यूरोप", "पश्चिम एशिया", "पड़ोस", "पड़ोसी देश", "अमेरिका")),
            new Meaning("india", List.of(), List.of("national", "nation", "india", "country", "देश", "राष्ट्रीय",
                    "भारत", "राष्ट्र", "नेशनल", "इंडिया", "देश विदेश")),
            new Meaning("politics", List.of("india"), List.of("politics", "elections", "election", "parliament",
                    "government", "राजनीति", "सियासत", "चुनाव", "संसद", "सरकार", "पॉलिटिक्स", "लोकसभा चुनाव")),
            new Meaning("states", List.of(), List.of("states", "state", "regional", "region", "local", "city",
                    "cities", "metro", "राज्य", "प्रदेश", "राज्यों", "शहर", "मेरा शहर", "स्थानीय", "क्षेत्रीय", "महानगर")),
            new Meaning("business", List.of(), List.of("business", "economy", "markets", "market", "finance",
                    "money", "stock market", "stocks", "share market", "corporate", "companies", "industry", "trade",
                    "banking", "personal finance", "commodities", "sensex", "nifty", "कारोबार", "व्यापार", "बिज़नेस",
                    "बिजनेस", "अर्थव्यवस्था", "अर्थ", "बाज़ार", "बाजार", "शेयर बाज़ार", "शेयर बाजार", "शेयर", "वित्त",
                    "पैसा", "मनी", "उद्योग", "कंपनियां", "बैंकिंग", "सेंसेक्स", "निफ्टी", "सोना चांदी")),
            new Meaning("sports", List.of(), List.of("sports", "sport", "cricket", "football", "soccer", "hockey",
                    "tennis", "badminton", "olympics", "ipl", "world cup", "kabaddi", "wrestling", "chess",
                    "athletics", "formula 1", "f1", "golf", "boxing", "खेल", "क्रिकेट", "फुटबॉल", "फ़ुटबॉल", "हॉकी",
                    "टेनिस", "बैडमिंटन", "ओलंपिक", "ओलिंपिक", "आईपीएल", "विश्व कप", "कबड्डी", "कुश्ती", "शतरंज",
                    "एथलेटिक्स", "स्पोर्ट्स", "खेलकूद")),
            new Meaning("entertainment", List.of(), List.of("entertainment", "bollywood", "hollywood", "movies",
                    "movie", "films", "film", "cinema", "music", "tv", "television", "celebrity", "celebrities",
                    "web series", "ott", "showbiz", "box office", "मनोरंजन", "बॉलीवुड", "हॉलीवुड", "फिल्म", "फ़िल्म",
                    "फिल्में", "सिनेमा", "संगीत", "टीवी", "टेलीविजन", "वेब सीरीज", "ओटीटी", "सेलेब्रिटी", "गॉसिप",
                    "बॉक्स ऑफिस", "टॉलीवुड", "भोजपुरी", "एंटरटेनमेंट")),
            new Meaning("technology", List.of(), List.of("technology", "tech", "gadgets", "gadget", "mobile",
                    "mobiles", "internet", "ai", "artificial intelligence", "startups", "startup", "telecom",
                    "टेक", "तकनीक", "प्रौद्योगिकी", "टेक्नोलॉजी", "गैजेट्स", "गैजेट", "मोबाइल", "इंटरनेट",
                    "आर्टिफिशियल इंटेलिजेंस", "स्टार्टअप", "टेलीकॉम")),
            new Meaning("science", List.of("technology"), List.of("science", "space", "research", "विज्ञान",
                    "साइंस", "अंतरिक्ष", "अनुसंधान", "विज्ञान और तकनीक", "science and technology")),
            new Meaning("health", List.of(), List.of("health", "wellness", "fitness", "medicine", "medical", "diet",
                    "mental health", "covid", "सेहत", "स्वास्थ्य", "हेल्थ", "फिटनेस", "चिकित्सा", "योग", "आरोग्य",
                    "डाइट", "कोरोना")),
            new Meaning("education", List.of(), List.of("education", "career", "careers", "jobs", "exams", "exam",
                    "results", "शिक्षा", "करियर", "नौकरी", "परीक्षा", "रिजल्ट", "एजुकेशन")),
            new Meaning("lifestyle", List.of(), List.of("lifestyle", "life style", "travel", "food", "fashion",
                    "relationships", "लाइफस्टाइल", "जीवनशैली", "यात्रा", "फैशन", "खान पान")),
            new Meaning("religion", List.of(), List.of("religion", "spirituality", "astrology", "horoscope",
                    "धर्म", "आस्था", "अध्यात्म", "ज्योतिष", "राशिफल", "धर्म कर्म")),
            new Meaning("crime", List.of(), List.of("crime", "law", "courts", "अपराध", "क्राइम", "कानून", "अदालत")),
            new Meaning("opinion", List.of(), List.of("opinion", "editorial", "editorials", "blog", "blogs",
                    "columns", "analysis", "विचार", "संपादकीय", "ब्लॉग", "विश्लेषण", "नज़रिया")),
            new Meaning("environment", List.of(), List.of("environment", "climate", "weather", "पर्यावरण",
                    "जलवायु", "मौसम")));

    private final Map<String, String> meaningByWord = new HashMap<>();
    private final Map<String, String> sectionByMeaning = new LinkedHashMap<>();

    /** The meanings as they fall on this site's sections. */
    public SectionMeanings(Config.Site site) {
        Map<String, String> sectionByKey = new HashMap<>();
        for (Config.Section s : site.sections()) {
            sectionByKey.putIfAbsent(key(s.slug()), s.slug());
            sectionByKey.putIfAbsent(key(s.name()), s.slug());
            s.aliases().forEach(a -> sectionByKey.putIfAbsent(key(a), s.slug()));
        }
        Map<String, Meaning> byKey = new HashMap<>();
        for (Meaning m : MEANINGS) {
            byKey.put(m.key(), m);
            for (String w : m.words()) meaningByWord.putIfAbsent(key(w), m.key());
            meaningByWord.putIfAbsent(key(m.key()), m.key());
        }
        for (Meaning m : MEANINGS) {
            String found = own(m, sectionByKey);
            for (String broader : m.broader()) if (found == null) found = own(byKey.get(broader), sectionByKey);
            if (found != null) sectionByMeaning.put(m.key(), found);
        }
    }

    private static String own(Meaning m, Map<String, String> sectionByKey) {
        String found = sectionByKey.get(key(m.key()));
        for (String w : m.words()) if (found == null) found = sectionByKey.get(key(w));
        return found;
    }

    /** The site's section for a meaning (world, states, sports...), if the site has one. */
    public Optional<String> section(String meaning) {
        return Optional.ofNullable(sectionByMeaning.get(meaning));
    }

    /**
     * The meaning of a declared name: the whole name without filler words first ("Sports News"),
     * then each of its parts ("Cricket > IPL", "खेल/क्रिकेट"), then each word; empty when none has one.
     */
    public Optional<String> meaningOf(String declared) {
        if (declared == null || declared.isBlank()) return Optional.empty();
        List<String> tries = new ArrayList<>();
        tries.add(declared);
        for (String part : declared.split("[,;/|>»:&+]|\\s[-–—]\\s")) tries.add(part);
        for (String t : tries) {
            String k = withoutFiller(t);
            if (meaningByWord.containsKey(k)) return Optional.of(meaningByWord.get(k));
        }
        for (String w : Folding.words(declared)) {
            if (meaningByWord.containsKey(w)) return Optional.of(meaningByWord.get(w));
        }
        return Optional.empty();
    }

    private static String withoutFiller(String s) {
        List<String> kept = new ArrayList<>();
        for (String w : Folding.words(s)) if (!FILLER.contains(w)) kept.add(w);
        return String.join(" ", kept);
    }

    private static Set<String> keys(String... words) {
        Set<String> keys = new java.util.HashSet<>();
        for (String w : words) keys.add(key(w));
        return Set.copyOf(keys);
    }

    static String key(String s) {
        return String.join(" ", Folding.words(s));
    }
}
