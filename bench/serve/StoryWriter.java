import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Agency-like Hindi stories for bench/serve, composed from the word lists below (written for this
 * benchmark) and real Hindi headlines (the L3Cube files in ../shared/data/hindi, read in place):
 * a headline, a summary, a dateline, 300-600 words in 5-9 paragraphs, a section and 1-3 declared
 * tags. Two sentences in three of a body are real headlines picked for the story, so that stories
 * differ as real copy does: from templates alone they were so alike that the near-duplicate check
 * (rightly) held half of them back. Deterministic for a given seed and story number.
 */
final class StoryWriter {
    record Story(int n, String section, List<String> tags, String headline, String summary, List<String> paragraphs,
                 Instant created, String agency) {
        int words() {
            int w = 0;
            for (String p : paragraphs) w += p.split(" +").length;
            return w;
        }
    }

    /** One section's vocabulary: its name as sources write it, who acts, what about, where. */
    private record Beat(String name, int weight, String[] actors, String[] topics, String[] places, String[] tags) {}

    private static final String[] INDIA_CITIES = {"नई दिल्ली", "मुंबई", "कोलकाता", "चेन्नई", "लखनऊ", "पटना", "जयपुर",
            "भोपाल", "रांची", "देहरादून", "शिमला", "चंडीगढ़", "अहमदाबाद", "बेंगलुरु", "हैदराबाद", "गुवाहाटी",
            "वाराणसी", "इंदौर", "रायपुर", "भुवनेश्वर"};
    private static final String[] WORLD_CITIES = {"वाशिंगटन", "लंदन", "बीजिंग", "मॉस्को", "टोक्यो", "पेरिस", "बर्लिन",
            "दुबई", "काठमांडू", "ढाका", "कोलंबो", "सिडनी", "जिनेवा", "सिंगापुर"};
    private static final String[] STATES = {"उत्तर प्रदेश", "बिहार", "राजस्थान", "मध्य प्रदेश", "महाराष्ट्र",
            "पश्चिम बंगाल", "झारखंड", "उत्तराखंड", "हिमाचल प्रदेश", "गुजरात", "केरल", "ओडिशा", "पंजाब", "हरियाणा",
            "असम", "छत्तीसगढ़"};

    private static final Beat[] BEATS = {
        new Beat("देश", 25,
            new String[] {"केंद्र सरकार", "गृह मंत्रालय", "चुनाव आयोग", "सर्वोच्च न्यायालय", "विपक्षी दल", "संसदीय समिति",
                "रेल मंत्रालय", "शिक्षा मंत्रालय", "नीति आयोग", "कृषि मंत्रालय"},
            new String[] {"नई शिक्षा नीति", "राष्ट्रीय राजमार्ग परियोजना", "जल संरक्षण योजना", "रेल सुरक्षा", "किसानों की आय",
                "डिजिटल भुगतान", "स्वच्छता अभियान", "ग्रामीण आवास योजना", "मतदाता सूची", "सीमा सुरक्षा", "आपदा प्रबंधन",
                "युवाओं के रोजगार"},
            INDIA_CITIES,
            new String[] {"संसद", "चुनाव", "किसान", "रेलवे", "शिक्षा", "न्यायालय"}),
        new Beat("राज्य", 20,
            new String[] {"राज्य सरकार", "मुख्यमंत्री कार्यालय", "जिला प्रशासन", "नगर निगम", "राज्य पुलिस", "विधानसभा समिति",
                "पंचायत विभाग", "परिवहन विभाग"},
            new String[] {"सड़क निर्माण", "पेयजल आपूर्ति", "बिजली कटौती", "बाढ़ राहत", "स्कूलों की मरम्मत", "फसल बीमा",
                "पुलिस भर्ती", "शहरी परिवहन", "अस्पतालों में दवाओं की उपलब्धता", "खनन पर रोक", "पर्यटन विकास"},
            INDIA_CITIES,
            STATES),
        new Beat("विदेश", 12,
            new String[] {"संयुक्त राष्ट्र", "अमेरिकी प्रशासन", "चीन का विदेश मंत्रालय", "रूसी सरकार", "यूरोपीय संघ",
                "जापान के प्रधानमंत्री", "ब्रिटेन की संसद", "नेपाल सरकार", "विश्व बैंक"},
            new String[] {"व्यापार समझौता", "जलवायु सम्मेलन", "शांति वार्ता", "सीमा विवाद", "शरणार्थी संकट", "ऊर्जा सहयोग",
                "समुद्री सुरक्षा", "वीजा नियम", "खाद्य सहायता", "परमाणु कार्यक्रम"},
            WORLD_CITIES,
            new String[] {"अमेरिका", "चीन", "रूस", "जापान", "ब्रिटेन", "नेपाल", "संयुक्त राष्ट्र"}),
        new Beat("कारोबार", 12,
            new String[] {"भारतीय रिजर्व बैंक", "वित्त मंत्रालय", "शेयर बाजार नियामक", "उद्योग संगठन", "सरकारी बैंक",
                "वाहन निर्माता कंपनियां", "निर्यातक संघ", "कर विभाग"},
            new String[] {"रेपो दर", "सेंसेक्स और निफ्टी", "रुपये की कीमत", "सोने के भाव", "खुदरा महंगाई", "निर्यात के आंकड़े",
                "जीएसटी संग्रह", "छोटे उद्योगों के कर्ज", "विदेशी निवेश", "पेट्रोल और डीजल के दाम"},
            INDIA_CITIES,
            new String[] {"शेयर बाजार", "रिजर्व बैंक", "महंगाई", "निवेश", "बैंकिंग"}),
        new Beat("खेल", 12,
            new String[] {"भारतीय क्रिकेट टीम", "हॉकी टीम", "खेल मंत्रालय", "ओलंपिक संघ", "फुटबॉल महासंघ", "टीम के कप्तान",
                "युवा बल्लेबाज", "अनुभवी गेंदबाज"},
            new String[] {"टेस्ट श्रृंखला", "विश्व कप की तैयारी", "एशियाई खेल", "घरेलू लीग", "खिलाड़ियों की फिटनेस",
                "नए कोच की नियुक्ति", "महिला टीम का दौरा", "कुश्ती प्रतियोगिता", "बैडमिंटन चैंपियनशिप"},
            INDIA_CITIES,
            new String[] {"क्रिकेट", "हॉकी", "फुटबॉल", "ओलंपिक", "कुश्ती"}),
        new Beat("मनोरंजन", 9,
            new String[] {"फिल्म निर्देशक", "चर्चित अभिनेत्री", "संगीतकार", "निर्माता कंपनी", "सेंसर बोर्ड", "वेब सीरीज की टीम"},
            new String[] {"नई फिल्म की शूटिंग", "बॉक्स ऑफिस कमाई", "फिल्म समारोह", "संगीत एलबम", "टीवी धारावाहिक",
                "पुरस्कार समारोह", "क्षेत्रीय सिनेमा"},
            new String[] {"मुंबई", "हैदराबाद", "चेन्नई", "कोलकाता", "नई दिल्ली"},
            new String[] {"बॉलीवुड", "फिल्म", "संगीत", "वेब सीरीज"}),
        new Beat("टेक", 5,
            new String[] {"अंतरिक्ष एजेंसी", "दूरसंचार विभाग", "स्मार्टफोन कंपनियां", "साइबर सुरक्षा एजेंसी", "स्टार्टअप संस्थापक",
                "आईटी मंत्रालय"},
            new String[] {"उपग्रह प्रक्षेपण", "कृत्रिम बुद्धिमत्ता", "5जी नेटवर्क", "डेटा सुरक्षा कानून", "ऑनलाइन धोखाधड़ी",
                "इलेक्ट्रिक वाहन", "सेमीकंडक्टर निर्माण"},
            new String[] {"बेंगलुरु", "हैदराबाद", "नई दिल्ली", "चेन्नई", "पुणे"},
            new String[] {"इसरो", "स्मार्टफोन", "साइबर सुरक्षा", "स्टार्टअप"}),
        new Beat("सेहत", 5,
            new String[] {"स्वास्थ्य मंत्रालय", "सरकारी अस्पताल", "चिकित्सा शोध परिषद", "वरिष्ठ डॉक्टर", "विश्व स्वास्थ्य संगठन"},
            new String[] {"टीकाकरण अभियान", "डेंगू के मामले", "मधुमेह की रोकथाम", "योग और पोषण", "मानसिक स्वास्थ्य",
                "सस्ती दवाएं", "मौसमी बुखार"},
            INDIA_CITIES,
            new String[] {"स्वास्थ्य", "टीकाकरण", "डेंगू", "योग"}),
    };

    private static final String[] HEADLINES = {
        "{place} में {topic} पर {actor} का बड़ा फैसला",
        "{actor} ने {topic} के लिए {n} करोड़ रुपये मंजूर किए",
        "{topic} को लेकर {actor} की अहम बैठक, {n} प्रस्तावों पर चर्चा",
        "{place}: {topic} पर {adj} बहस तेज, {actor} ने दी सफाई",
        "{topic} में देरी पर {actor} से जवाब तलब",
        "{actor} की नई पहल से {topic} को मिलेगी रफ्तार",
        "{place} में {topic} की समीक्षा, {n} दिन में रिपोर्ट मांगी",
        "{topic} पर {actor} और विशेषज्ञों में मतभेद",
        "{n} साल बाद {topic} पर {actor} का नया रुख",
        "{actor} ने कहा, {topic} पर कोई समझौता नहीं होगा",
        "{place} से {topic} के लिए नई योजना की शुरुआत",
        "{topic}: {actor} के फैसले का {adj} स्वागत",
    };

    private static final String[] SENTENCES = {
        "{actor} ने {weekday} को {topic} को लेकर एक अहम बैठक की, जिसमें {n} से अधिक अधिकारियों ने हिस्सा लिया।",
        "अधिकारियों के अनुसार {topic} से जुड़ा काम अगले {n} महीनों में पूरा कर लिया जाएगा।",
        "{place} में {topic} के मुद्दे पर लोगों के बीच {adj} चर्चा देखी जा रही है।",
        "बैठक के बाद जारी बयान में कहा गया कि {topic} पर हर पहलू से विचार किया जाएगा।",
        "सूत्रों ने बताया कि इस विषय पर अंतिम निर्णय अगले सप्ताह तक लिया जा सकता है।",
        "विशेषज्ञों का मानना है कि {topic} का असर आने वाले वर्षों में साफ दिखाई देगा।",
        "{actor} के एक प्रवक्ता ने कहा कि सभी पक्षों से बातचीत जारी है और जल्द ही नतीजा सामने आएगा।",
        "पिछले साल इसी अवधि में इस मद पर करीब {n} करोड़ रुपये खर्च किए गए थे।",
        "स्थानीय लोगों ने उम्मीद जताई कि इस बार काम समय पर और पूरी पारदर्शिता के साथ होगा।",
        "आंकड़ों के मुताबिक बीते {n} महीनों में इस क्षेत्र में लगातार सुधार दर्ज किया गया है।",
        "{place} के कई इलाकों से इस बारे में शिकायतें मिलने के बाद जांच के आदेश दिए गए।",
        "इस फैसले से करीब {n} हजार परिवारों को सीधा लाभ मिलने की उम्मीद है।",
        "विपक्ष ने आरोप लगाया कि {topic} पर सरकार ने पहले किए गए वादे पूरे नहीं किए।",
        "{actor} ने स्पष्ट किया कि नियमों का उल्लंघन करने वालों के खिलाफ सख्त कार्रवाई होगी।",
        "कार्यक्रम में मौजूद {adj} प्रतिनिधियों ने अपने सुझाव लिखित रूप में भी सौंपे।",
        "जानकारों के अनुसार {topic} के लिए पर्याप्त संसाधन जुटाना सबसे बड़ी चुनौती है।",
        "एक वरिष्ठ अधिकारी ने नाम न छापने की शर्त पर बताया कि तैयारियां अंतिम चरण में हैं।",
        "इस साल के बजट में {topic} के लिए अलग से प्रावधान किया गया है।",
        "{place} में आयोजित कार्यक्रम में {n} से अधिक लोग शामिल हुए और उन्होंने अपनी बात रखी।",
        "रिपोर्ट में यह भी कहा गया है कि निगरानी व्यवस्था को और मजबूत करने की जरूरत है।",
        "{actor} ने कहा कि {topic} पर आम लोगों की राय को प्राथमिकता दी जाएगी।",
        "गौरतलब है कि इस मुद्दे पर पिछले कई हफ्तों से {adj} बहस चल रही है।",
        "अगले चरण में {place} समेत {n} जिलों में इसे लागू करने की योजना है।",
        "सरकारी आंकड़ों से पता चलता है कि लक्ष्य का लगभग {pct} प्रतिशत हिस्सा पूरा हो चुका है।",
        "इस पहल को लेकर उद्योग जगत और सामाजिक संगठनों ने भी {adj} प्रतिक्रिया दी है।",
        "अधिकारियों ने लोगों से अपील की कि वे अफवाहों पर ध्यान न दें और आधिकारिक सूचना का इंतजार करें।",
        "मामले की अगली सुनवाई या समीक्षा {n} दिन बाद होगी, जिसमें प्रगति रिपोर्ट पेश की जाएगी।",
        "{weekday} को जारी एक अधिसूचना में नए दिशानिर्देशों की जानकारी दी गई।",
        "{topic} से जुड़े विवाद पर {actor} ने एक समिति गठित करने की घोषणा की।",
        "विश्लेषकों का कहना है कि मौजूदा हालात में यह कदम काफी {adj} साबित हो सकता है।",
        "पहले चरण में {n} केंद्रों पर काम शुरू होगा और बाद में इसका विस्तार किया जाएगा।",
        "इस दौरान सुरक्षा के कड़े इंतजाम किए गए थे और पूरे कार्यक्रम की वीडियोग्राफी कराई गई।",
    };

    private static final String[] ADJECTIVES = {"तीखी", "व्यापक", "सकारात्मक", "गंभीर", "मिली-जुली", "जोरदार", "सतर्क",
            "उत्साहजनक", "अहम", "लंबी"};
    private static final String[] WEEKDAYS = {"सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"};
    private static final String[] MONTHS = {"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
            "अक्टूबर", "नवंबर", "दिसंबर"};
    /** Agency code and how a Hindi dateline names it. */
    private static final String[][] AGENCIES = {{"IANS", "आईएएनएस"}, {"PTI", "भाषा"}, {"UNI", "यूनीवार्ता"},
            {"HS", "हि.स."}};
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private final long seed;
    private final int totalWeight;
    private final List<String> real;

    /** @param real real headlines, each used as a sentence (see {@link #realHeadlines}) */
    StoryWriter(long seed, List<String> real) {
        if (real.isEmpty()) throw new IllegalArgumentException("no real headlines to compose stories from");
        this.seed = seed;
        this.real = real;
        int w = 0;
        for (Beat b : BEATS) w += b.weight;
        this.totalWeight = w;
    }

    Story story(int n, Instant created) {
        Random r = new Random(seed * 1_000_003L + n);
        Beat beat = beat(r.nextInt(totalWeight));
        String actor = pick(r, beat.actors);
        String topic = pick(r, beat.topics);
        String place = pick(r, beat.places);
        String headline = fill(pick(r, HEADLINES), r, beat, actor, topic, place) + ": " + real.get(r.nextInt(real.size()));
        List<String> tags = new ArrayList<>();
        int nTags = 1 + r.nextInt(3);
        while (tags.size() < nTags) {
            String t = pick(r, beat.tags);
            if (!tags.contains(t)) tags.add(t);
        }
        String[] agency = AGENCIES[r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(AGENCIES.length - 1)];
        ZonedDateTime local = created.atZone(IST);
        String dateline = place + ", " + local.getDayOfMonth() + " " + MONTHS[local.getMonthValue() - 1] + " (" + agency[1] + ")। ";
        int targetWords = 300 + r.nextInt(301);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder p = new StringBuilder(dateline);
        p.append(fill(SENTENCES[0], r, beat, actor, topic, place));
        int words = p.toString().split(" +").length;
        int inParagraph = 1;
        int paragraphLength = 3 + r.nextInt(4);
        while (words < targetWords) {
            // Mostly the story's own actor and topic, sometimes another of the beat's, as copy drifts.
            String a = r.nextInt(4) == 0 ? pick(r, beat.actors) : actor;
            String t = r.nextInt(4) == 0 ? pick(r, beat.topics) : topic;
            // Two real sentences to each templated one: at one in two, two short stories of a beat
            // could share enough templated wording to pass the near-duplicate threshold (one pair in
            // 100,000 did, issue 15).
            String s = inParagraph % 3 != 0 ? real.get(r.nextInt(real.size())) + "।"
                    : fill(pick(r, SENTENCES), r, beat, a, t, place);
            if (inParagraph >= paragraphLength) {
                paragraphs.add(p.toString());
                p.setLength(0);
                inParagraph = 0;
                paragraphLength = 3 + r.nextInt(4);
            }
            if (p.length() > 0) p.append(' ');
            p.append(s);
            inParagraph++;
            words += s.split(" +").length;
        }
        paragraphs.add(p.toString());
        String summary = fill(pick(r, SENTENCES), r, beat, actor, topic, place);
        return new Story(n, beat.name, tags, headline, summary, paragraphs, created, agency[0]);
    }

    /**
     * The headlines of every CSV in {@code dir} (the L3Cube files: a header line, then
     * {@code text,label} with the text quoted when it holds a comma), without their English
     * lead-ins ("RRB Group D New Notification: ...") where they have one.
     */
    static List<String> realHeadlines(Path dir) {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    String text = line.startsWith("\"") && line.indexOf("\",", 1) > 0
                            ? line.substring(1, line.indexOf("\",", 1)).replace("\"\"", "\"")
                            : line.substring(0, Math.max(0, line.lastIndexOf(',')));
                    int colon = text.indexOf(": ");
                    if (colon > 0 && text.substring(0, colon).matches("[\\p{ASCII}]+")) text = text.substring(colon + 2);
                    text = text.strip();
                    if (!text.isEmpty()) out.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the real headlines in " + dir, e);
        }
        return out;
    }

    private Beat beat(int x) {
        for (Beat b : BEATS) {
            if (x < b.weight) return b;
            x -= b.weight;
        }
        return BEATS[0];
    }

    private static String fill(String template, Random r, Beat beat, String actor, String topic, String place) {
        return template.replace("{actor}", actor).replace("{topic}", topic).replace("{place}", place)
                .replace("{adj}", pick(r, ADJECTIVES)).replace("{weekday}", pick(r, WEEKDAYS))
                .replace("{pct}", String.valueOf(20 + r.nextInt(75)))
                .replace("{n}", String.valueOf(2 + r.nextInt(r.nextBoolean() ? 20 : 500)));
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
