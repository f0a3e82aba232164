package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/**
 * The IPTC examples (NewsML-G2 guideline listings, BusinessWire NewsML 1.2) all parse through the
 * standard formats, give the headlines a reader of the files would expect, write valid ninjs 2.1
 * and carry no active content in their bodies.
 */
class IptcCorpusTest {
    private static final Pattern ACTIVE = Pattern.compile("(?i)<script|\\son\\w+\\s*=|javascript:|data:");

    /** Examples whose news item has a headline, by file name prefix, with that headline. */
    private static final Map<String, List<String>> HEADLINES = new LinkedHashMap<>();
    static {
        HEADLINES.put("LISTING_1_", List.of("Fed to halt QE to avert \"bubble\""));
        HEADLINES.put("LISTING_2_", List.of("Fed to halt QE to avert \"bubble\""));
        HEADLINES.put("LISTING_21_", List.of("Troy Tulowitzki singled to third and advanced to second on Martin Prado's "
                + "throwing error. Runner on second with one out and Carlos Gonzalez due up."));
        HEADLINES.put("LISTING_22_", List.of("Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."));
        HEADLINES.put("LISTING_25_", List.of("Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."));
        HEADLINES.put("LISTING_27_", List.of("Acme Widgets announces annual results"));
        HEADLINES.put("Receiver View", List.of("Fed to halt QE to avert \"bubble\""));
        HEADLINES.put("businesswire-newsml-20130515006361", List.of(
                "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations"));
        HEADLINES.put("businesswire-newsml-20130605006126", List.of("Cambrios被Gartner評選為「最酷供應商」"));
        HEADLINES.put("businesswire-newsml-20130612006110", List.of("APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策"));
        HEADLINES.put("businesswire-newsml-20130731006140", List.of(
                "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In"));
    }

    /** Examples that give no item, by file name prefix, with the reason the warning must give. */
    private static final Map<String, String> NO_ITEMS = new LinkedHashMap<>();
    static {
        for (String concept : List.of("LISTING_10_", "LISTING_11_", "LISTING_14_")) {
            NO_ITEMS.put(concept, "conceptItem");
        }
        NO_ITEMS.put("LISTING_12_", "knowledgeItem");
        NO_ITEMS.put("LISTING_15_", "knowledgeItem");
        NO_ITEMS.put("LISTING_13_", "catalogItem");
        for (String planning : List.of("LISTING_17_", "LISTING_18_", "LISTING_19_", "LISTING_20_")) {
            NO_ITEMS.put(planning, "planningItem");
        }
        // News items the guidelines print without any headline (events, elided metadata, facets).
        for (String bare : List.of("LISTING_16_", "LISTING_28_", "LISTING_29_", "facet-example")) {
            NO_ITEMS.put(bare, "no headline");
        }
        // LISTING 24's four newsItems are elided ("....."): the package is listed, the items have no headline.
        NO_ITEMS.put("LISTING_24_", "4 item references: N1, N2, N3, N4");
        for (String pkg : List.of("LISTING_23_", "LISTING_7_", "LISTING_8_", "LISTING_9_")) {
            NO_ITEMS.put(pkg, "item reference");
        }
    }

    /** Examples that are one media item, by file name prefix, with the item's type (a package sent alone names its text). */
    private static final Map<String, String> MEDIA = new LinkedHashMap<>();
    static {
        for (String picture : List.of("LISTING_3_", "LISTING_3A_", "LISTING_26_")) MEDIA.put(picture, "picture");
        for (String video : List.of("LISTING_4_", "LISTING_5_", "ap_metadata_example")) MEDIA.put(video, "video");
        MEDIA.put("LISTING_6_", G2Package.TYPE);
    }

    private static NinjsValidator validator;
    private final Formats formats = Formats.standard();

    @BeforeAll
    static void loadSchema() {
        validator = NinjsValidator.load();
    }

    private static List<Path> examples() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("iptc/newsml-g2/examples", "iptc/ninjs/examples/NewsML")) {
            try (Stream<Path> list = Files.list(Fixtures.sharedData(dir))) {
                list.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static <T> T expectation(Map<String, T> map, Path file) {
        String name = file.getFileName().toString();
        return map.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Test
    void everyExampleParsesToItsHeadlinesOrToNoItemWithAReason() throws Exception {
        List<Path> files = examples();
        assertThat(files.stream().filter(p -> p.getFileName().toString().startsWith("LISTING_"))).hasSize(30);
        assertThat(files.stream().filter(p -> p.getFileName().toString().startsWith("businesswire"))).hasSize(4);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            ParseResult r;
            try {
                r = formats.parse(Files.readAllBytes(file), null, Fixtures.CTX);
            } catch (ParseException e) {
                problems.add(name + ": ParseException " + e.getMessage());
                continue;
            }
            List<String> headlines = expectation(HEADLINES, file);
            String reason = expectation(NO_ITEMS, file);
            String media = expectation(MEDIA, file);
            if (media != null) {
                List<String> got = r.items().stream().map(i -> i.type() + " with " + i.media().size() + " media").toList();
                if (r.items().size() != 1 || !r.items().get(0).type().equals(media) || r.items().get(0).media().isEmpty()) {
                    problems.add(name + ": " + got + ", expected one " + media + " item with its media");
                }
            } else if (headlines != null) {
                List<String> got = r.items().stream().map(NewsItem::headline).toList();
                if (!got.equals(headlines)) problems.add(name + ": headlines " + got + ", expected " + headlines);
            } else if (reason != null) {
                if (!r.items().isEmpty()) problems.add(name + ": expected no item, got " + r.items().size());
                if (r.warnings().stream().noneMatch(w -> w.contains(reason))) {
                    problems.add(name + ": no warning containing '" + reason + "' in " + r.warnings());
                }
            } else {
                problems.add(name + ": no expectation written for this example");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyItemFromTheExamplesIsValidNinjs21WithASafeBody() throws Exception {
        List<String> problems = new ArrayList<>();
        int items = 0;
        for (Path file : examples()) {
            ParseResult r = formats.parse(Files.readAllBytes(file), null, Fixtures.CTX);
            for (NewsItem item : r.items()) {
                items++;
                problems.addAll(validator.problems(file.getFileName().toString(), item));
                if (item.bodyHtml() != null && ACTIVE.matcher(Fixtures.printed(item.bodyHtml())).find()) {
                    problems.add(file.getFileName() + ": active content in body");
                }
            }
        }
        assertThat(items).isEqualTo(18);
        assertThat(problems).isEmpty();
    }

    @Test
    void businessWireItemsHaveBodiesOpeningWithTheirDateline() throws Exception {
        for (Path file : examples()) {
            if (!file.getFileName().toString().startsWith("businesswire")) continue;
            NewsItem item = formats.parse(Files.readAllBytes(file), null, Fixtures.CTX).items().get(0);
            assertThat(item.bodyHtml()).as(file.getFileName().toString()).startsWith("<p>" + Text.escape(item.located()));
            assertThat(item.uri()).startsWith("urn:newsml:businesswire.com:20010714:");
            assertThat(item.version()).isEqualTo(1);
        }
    }

    @Test
    void everyFixtureWritesValidNinjs21WithASafeBody() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("newsmlg2/bhasha-hindi.xml", "newsmlg2/bhasha-canceled.xml",
                "newsmlg2/bhasha-corrected.xml", "newsmlg2/bhasha-embargoed.xml", "newsmlg2/ians-message.xml",
                "newsmlg2/kill-notice.xml", "nitf/ians-hindi.xml", "nitf/plain-no-namespace.xml", "newsml/uni-hindi.xml")) {
            ParseResult r = formats.parse(Fixtures.bytes(name), null, Fixtures.CTX);
            assertThat(r.items()).as(name).isNotEmpty();
            for (NewsItem item : r.items()) {
                problems.addAll(validator.problems(name, item));
                if (item.bodyHtml() != null && ACTIVE.matcher(Fixtures.printed(item.bodyHtml())).find()) {
                    problems.add(name + ": active content");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void agencyGoldenPairsAndSamplesWriteValidNinjs21WithTheirCodesKept() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("iptc/ninjs/examples/2.1", "iptc/ninjs/examples/3.0", "iptc/ninjs/examples/1.4")) {
            try (Stream<Path> list = Files.list(Fixtures.sharedData(dir))) {
                list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        try (Stream<Path> list = Files.list(Fixtures.sharedData("iptc/ninjs/tools/xslt"))) {
            list.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
        }
        List<String> problems = new ArrayList<>();
        int items = 0;
        int subjects = 0;
        for (Path file : files) {
            ParseResult r;
            try {
                r = formats.parse(Files.readAllBytes(file), null, Fixtures.CTX);
            } catch (ParseException e) {
                problems.add(file.getFileName() + ": " + e.getMessage());
                continue;
            }
            for (NewsItem item : r.items()) {
                items++;
                subjects += item.subjects().size();
                problems.addAll(validator.problems(file.getFileName().toString(), item));
                if (item.uri().startsWith("urn:taar:" + Fixtures.CTX.source() + ":")) problems.add(file.getFileName() + ": sender's uri lost");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(items).isGreaterThan(20);
        assertThat(subjects).isGreaterThan(20);
    }
}
