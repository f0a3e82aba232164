package org.taar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Archives for the import tests: ninjs stories as distinct from each other as real ones. */
final class ImportArchives {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("सरकार संसद किसान मौसम बारिश बाज़ार शेयर रुपया क्रिकेट मैच टीम कप्तान चुनाव मतदान "
            + "आयोग अदालत फ़ैसला पुलिस जांच अस्पताल डॉक्टर दवा स्कूल छात्र परीक्षा रेल स्टेशन सड़क पुल नदी बांध बिजली पानी "
            + "गांव शहर ज़िला राज्य मंत्री प्रधानमंत्री राष्ट्रपति विदेश दौरा समझौता व्यापार निर्यात आयात उद्योग कंपनी बैंक कर्ज़ "
            + "ब्याज महंगाई पेट्रोल गैस सोना चांदी फ़िल्म अभिनेता संगीत त्योहार मेला मंदिर यात्रा पर्यटक होटल हवाई उड़ान "
            + "सेना सीमा सुरक्षा आतंक हमला शांति वार्ता बैठक प्रस्ताव विधेयक क़ानून अधिकार महिला बच्चे युवा रोज़गार नौकरी भर्ती "
            + "खेती फ़सल गेहूं धान बीज खाद मंडी दाम वैज्ञानिक अंतरिक्ष उपग्रह प्रयोग शोध तकनीक मोबाइल इंटरनेट डिजिटल भुगतान "
            + "जंगल बाघ हाथी पर्यावरण प्रदूषण हवा तापमान ठंड गर्मी तूफ़ान बाढ़ सूखा राहत मदद बचाव").split(" ");
    private static final String[] PLACES = {"नई दिल्ली", "मुंबई", "पटना", "लखनऊ", "भोपाल", "जयपुर", "रांची", "देहरादून"};

    private ImportArchives() {}

    /** One ninjs story: its uri is urn:import:N, its words drawn at random with N as the seed. */
    static String story(int n) {
        Random r = new Random(n * 7919L + 17);
        StringBuilder headline = new StringBuilder();
        for (int i = 0; i < 7; i++) headline.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        StringBuilder body = new StringBuilder("<p>").append(PLACES[r.nextInt(PLACES.length)]).append(", ")
                .append(1 + r.nextInt(28)).append(" नवंबर। ");
        for (int i = 0; i < 80; i++) {
            body.append(WORDS[r.nextInt(WORDS.length)]).append(i % 12 == 11 ? "। " : " ");
        }
        body.append("</p>");
        ObjectNode o = JSON.createObjectNode();
        o.put("uri", "urn:import:" + n);
        o.put("type", "text");
        o.put("language", "hi");
        o.put("headline", headline + " " + n);
        o.put("body_html", body.toString());
        o.put("versioncreated", String.format("2024-%02d-%02dT%02d:%02d:00Z", 1 + n % 12, 1 + n % 28, n % 24, n % 60));
        return o.toString();
    }

    static Path jsonLines(Path file, int from, int to) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = from; n < to; n++) w.write(story(n) + "\n");
        }
        return file;
    }
}
