package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/**
 * Every file of the shared feed corpus (Rome's and Miniflux's test data) through
 * {@code Formats.standard()}: feeds parse, their items are valid ninjs 2.1 with safe bodies, and
 * everything else is refused with a message a person understands. Each file is listed here by
 * what it is, so a file added to the corpus fails the test until someone says what it should do.
 */
class FeedCorpusTest {
    private static final String MF = "miniflux/internal/reader/";
    private static final String RM = "rome/rome-modules/src/test/resources/";
    private static final String RO = "rome/rome/src/test/resources/";

    /** Feeds and the headline of their first item. */
    private static final Map<String, String> FIRST_HEADLINES = new LinkedHashMap<>();
    static {
        FIRST_HEADLINES.put(MF + "encoding/testdata/invalid-prolog.xml", "Café");
        FIRST_HEADLINES.put(MF + "encoding/testdata/utf8-incorrect-prolog.xml", "Café");
        FIRST_HEADLINES.put(MF + "encoding/testdata/koi8r.xml", "Первая новость");
        FIRST_HEADLINES.put(MF + "parser/testdata/encoding_ISO-8859-1.xml",
                "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games");
        FIRST_HEADLINES.put(MF + "parser/testdata/encoding_WINDOWS-1251.xml", "Цитата #17703");
        FIRST_HEADLINES.put(MF + "parser/testdata/large_atom.xml", "Using vale with vim");
        FIRST_HEADLINES.put(MF + "parser/testdata/large_rss.xml", "Using vale with vim");
        FIRST_HEADLINES.put(MF + "parser/testdata/no_encoding_ISO-8859-1.xml",
                "Perturbateurs endocriniens : quels effets sur le cerveau ?");
        FIRST_HEADLINES.put(MF + "parser/testdata/rdf_UTF8.xml", "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen");
        FIRST_HEADLINES.put(MF + "parser/testdata/small_atom.xml", "Parse podcast categories");
        FIRST_HEADLINES.put(MF + "parser/testdata/urdu_UTF8.xml",
                "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی");
        FIRST_HEADLINES.put(RM + "data/YahooTopSongs.xml", "#1: You're Beautiful - James Blunt");
        FIRST_HEADLINES.put(RM + "data/YouTube-MostPopular.rss", "Charlie bit my finger - again !");
        FIRST_HEADLINES.put(RM + "xml/slashdot.xml", "The Prisoner To Be Remade On U.K. TV");
        FIRST_HEADLINES.put(RM + "xml/lr.xml", "China's Big Visit; Big Changes at the White House; Golly Gee, Gas Prices!");
        FIRST_HEADLINES.put(RO + "rss_1.0-ns-on-channel.xml",
                "Field evidence of smoke-stimulated seedling emergence and establishment in Mediterranean Basin flora");
        FIRST_HEADLINES.put(RO + "issue137-rss.xml", "Single-Session Primary Schools");
        FIRST_HEADLINES.put(RO + "jira_issue1.xml", "rss_2.0.channel.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_0.9.xml", "rss_0.9.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_0.91N.xml", "rss_0.91N.channel.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_0.91U.xml", "rss_0.91U.channel.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_0.92.xml", "rss_0.92.channel.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_0.94.xml", "rss_0.94.channel.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_1.0.xml", "rss_1.0.item[0].title");
        FIRST_HEADLINES.put(RO + "rss_2.0.xml", "rss_2.0.channel.item[0].title");
        FIRST_HEADLINES.put(RO + "atom_0.3.xml", "atom_0.3.feed.entry[0].title");
        FIRST_HEADLINES.put(RO + "atom_1.0.xml", "atom_1.0.feed.entry[0].title");
        FIRST_HEADLINES.put(RO + "atom_1.0_bray.xml", "Entry1");
        FIRST_HEADLINES.put(RO + "atom_1.0_ruby.xml", "Bloggy-blog");
        FIRST_HEADLINES.put(RO + "CDATATestFeed.xml", "item1");
    }

    /** Feeds that are read without error but give no item, and the delivery warning that says why. */
    private static final Map<String, String> FEEDS_WITHOUT_ITEMS = Map.of(
            MF + "encoding/testdata/iso-8859-1.xml", "the feed has no items",
            MF + "encoding/testdata/windows-1252.xml", "the feed has no items",
            MF + "encoding/testdata/windows-1252-incorrect-prolog.xml", "the feed has no items",
            RO + "atom_1.0_prefix.xml", "the feed has no items",
            // Its one item holds only an itunes:duration: nothing to publish or to hold.
            RM + "com/rometools/modules/itunes/duration-bad.xml", "item 1: empty (no title, text, link, id, date or media); skipped");

    /**
     * Feeds whose first item has no title: it is an item all the same, without a headline (the
     * normalize stage builds one or the pipeline holds it), and says so.
     */
    private static final Set<String> FIRST_ITEM_UNTITLED = Set.of(
            RO + "dublin-core-date.xml",
            RM + "org/rometools/feed/module/mediarss/filesize-with-unit.xml",
            RM + "org/rometools/feed/module/mediarss/issue-15.xml");

    /** Files that are not feeds: what Formats must answer, and why it is right. */
    private static final Map<String, String> NOT_FEEDS = new LinkedHashMap<>();
    static {
        String html = "unknown format: an HTML page";
        NOT_FEEDS.put(RM + "2.rss", html); // an HTML "We're Sorry" error page served where RSS was expected
        NOT_FEEDS.put(MF + "encoding/testdata/iso-8859-1.html", html);
        NOT_FEEDS.put(MF + "encoding/testdata/iso-8859-1-meta-after-1024.html", html);
        NOT_FEEDS.put(MF + "encoding/testdata/utf8.html", html);
        NOT_FEEDS.put(MF + "encoding/testdata/utf8-meta-after-1024.html", html);
        NOT_FEEDS.put(MF + "sanitizer/testdata/miniflux_github.html", html);
        NOT_FEEDS.put(MF + "sanitizer/testdata/miniflux_wikipedia.html", html);
        NOT_FEEDS.put(MF + "scraper/testdata/iframe.html", html);
        NOT_FEEDS.put(MF + "scraper/testdata/img.html", html);
        NOT_FEEDS.put(MF + "scraper/testdata/p.html", html);
        // Scraper results: HTML fragments, whose first tag reads as an XML root.
        NOT_FEEDS.put(MF + "scraper/testdata/iframe.html-result", "unknown format: XML with root <iframe>, which no parser reads");
        NOT_FEEDS.put(MF + "scraper/testdata/img.html-result", "unknown format: XML with root <img>, which no parser reads");
        NOT_FEEDS.put(MF + "scraper/testdata/p.html-result", "unknown format: XML with root <p>, which no parser reads");
        // XML charset tests that are notes, not feeds.
        NOT_FEEDS.put(MF + "xml/testdata/iso88591.xml", "unknown format: XML with root <note>, which no parser reads");
        NOT_FEEDS.put(MF + "xml/testdata/iso88591_utf8_mismatch.xml", "unknown format: XML with root <note>, which no parser reads");
        NOT_FEEDS.put("rome/rome-opml/src/test/resources/opml_2.0.xml", "unknown format: an OPML subscription list, not a feed");
    }

    /**
     * Plain text: Formats reads any UTF-8 text as wiretext by design (it comes last for that
     * reason), so these are not refused by Formats; no feed parser takes them, and each refuses
     * them when asked by name.
     */
    private static final Set<String> PLAIN_TEXT = Set.of(
            "miniflux/LICENSE", "miniflux/MANIFEST.txt", "rome/LICENSE", "rome/MANIFEST.txt");

    private static final Set<String> FEED_FORMATS = Set.of("rss", "atom", "jsonfeed");
    private static final Pattern HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");
    private static final Pattern BAD_URL = Pattern.compile("(?i)(javascript|vbscript|data):");

    private static Path corpus;
    private static NinjsValidator ninjs;
    private final Formats formats = Formats.standard();

    @BeforeAll
    static void load() {
        corpus = Fixtures.sharedData("feeds");
        ninjs = NinjsValidator.load();
    }

    private static Set<String> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile).map(p -> corpus.relativize(p).toString().replace('\\', '/'))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static Set<String> feedFiles() throws IOException {
        Set<String> feeds = allFiles();
        feeds.removeAll(NOT_FEEDS.keySet());
        feeds.removeAll(PLAIN_TEXT);
        return feeds;
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(corpus.resolve(file));
    }

    @Test
    void everyFileIsAccountedFor() throws IOException {
        Set<String> all = allFiles();
        assertThat(all).hasSize(77);
        assertThat(all).containsAll(NOT_FEEDS.keySet()).containsAll(PLAIN_TEXT)
                .containsAll(FIRST_HEADLINES.keySet()).containsAll(FEEDS_WITHOUT_ITEMS.keySet())
                .containsAll(FIRST_ITEM_UNTITLED);
        assertThat(feedFiles()).hasSize(57);
        assertThat(FIRST_HEADLINES).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void everyFeedParsesAsAFeed() throws IOException {
        List<String> failures = new ArrayList<>();
        int items = 0;
        for (String file : feedFiles()) {
            try {
                ParseResult r = formats.parse(read(file), null, Fixtures.CTX);
                if (!FEED_FORMATS.contains(r.format())) failures.add(file + ": read as " + r.format());
                items += r.items().size();
            } catch (ParseException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(items).isGreaterThan(400);
    }

    @Test
    void firstItemsHaveTheExpectedHeadlines() throws Exception {
        for (Map.Entry<String, String> e : FIRST_HEADLINES.entrySet()) {
            ParseResult r = formats.parse(read(e.getKey()), null, Fixtures.CTX);
            assertThat(r.items()).as(e.getKey()).isNotEmpty();
            assertThat(r.items().get(0).headline()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void feedsWithoutUsableItemsSayWhy() throws Exception {
        for (Map.Entry<String, String> e : FEEDS_WITHOUT_ITEMS.entrySet()) {
            ParseResult r = formats.parse(read(e.getKey()), null, Fixtures.CTX);
            assertThat(r.items()).as(e.getKey()).isEmpty();
            assertThat(r.warnings()).as(e.getKey()).contains(e.getValue());
        }
    }

    @Test
    void untitledItemsAreKeptWithoutAHeadlineAndSaySo() throws Exception {
        for (String file : FIRST_ITEM_UNTITLED) {
            ParseResult r = formats.parse(read(file), null, Fixtures.CTX);
            assertThat(r.items()).as(file).isNotEmpty();
            assertThat(r.items().get(0).headline()).as(file).isNull();
            assertThat(r.items().get(0).warnings()).as(file).contains("no title");
        }
    }

    @Test
    void everyItemIsValidNinjs21WithASafeBody() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String file : feedFiles()) {
            for (NewsItem item : formats.parse(read(file), null, Fixtures.CTX).items()) {
                problems.addAll(ninjs.problems(file, item));
                // Parsers leave cleaning to the one sanitizer (normalize): judge the body as printed.
                problems.addAll(unsafe(file + " " + item.uri(), Fixtures.printed(item.bodyHtml())));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What makes a body unsafe to print: scripts, event handlers, script and data URLs. */
    static List<String> unsafe(String label, String body) {
        if (body == null) return List.of();
        List<String> problems = new ArrayList<>();
        if (body.toLowerCase(java.util.Locale.ROOT).contains("<script")) problems.add(label + ": <script");
        if (HANDLER.matcher(body).find()) problems.add(label + ": on* handler");
        if (BAD_URL.matcher(body).find()) problems.add(label + ": javascript:/vbscript:/data: URL");
        return problems;
    }

    /**
     * The same promise checked on the markup rather than the text, for damaged input whose text
     * may legitimately read "data:" once a tag's '<' is gone: no script element, no on* attribute,
     * no attribute value with a script or data URL.
     */
    static List<String> unsafeMarkup(String label, String body) {
        if (body == null) return List.of();
        List<String> problems = new ArrayList<>();
        for (org.jsoup.nodes.Element e : org.jsoup.Jsoup.parseBodyFragment(body).body().getAllElements()) {
            if (e.normalName().equals("script")) problems.add(label + ": <script");
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                if (a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")) problems.add(label + ": " + a.getKey());
                if (BAD_URL.matcher(a.getValue().replaceAll("\\s", "")).find()) problems.add(label + ": " + a);
            }
        }
        return problems;
    }

    @Test
    void unsafeBodiesAreRecognised() {
        assertThat(unsafeMarkup("x", "<p title=\"a\">metadata: fine</p>")).isEmpty();
        assertThat(unsafeMarkup("x", "<p><script>x()</script><a ONCLICK=\"x\" href=\" java script:x\">")).hasSize(3);
        assertThat(unsafe("x", "<p>fine, with metadata and on-line text</p>")).isEmpty();
        assertThat(unsafe("x", "<SCRIPT>x()</SCRIPT>")).hasSize(1);
        assertThat(unsafe("x", "<p onClick=\"x()\">")).hasSize(1);
        assertThat(unsafe("x", "<a href=\"JavaScript:x\">")).hasSize(1);
        assertThat(unsafe("x", "<img src=\"data:image/png;base64,AA\">")).hasSize(1);
    }

    @Test
    void filesThatAreNotFeedsAreRefusedWithAClearMessage() throws IOException {
        for (Map.Entry<String, String> e : NOT_FEEDS.entrySet()) {
            byte[] content = read(e.getKey());
            assertThatThrownBy(() -> formats.parse(content, null, Fixtures.CTX)).as(e.getKey())
                    .isExactlyInstanceOf(ParseException.class)
                    .hasMessage(e.getValue());
        }
    }

    @Test
    void feedParsersAskedByNameRefuseWhatIsNotAFeed() throws IOException {
        Set<String> notFeeds = new TreeSet<>(NOT_FEEDS.keySet());
        notFeeds.addAll(PLAIN_TEXT);
        for (String file : notFeeds) {
            byte[] content = read(file);
            for (String format : FEED_FORMATS) {
                assertThat(formats.parser(format).accepts(content)).as(format + " accepts " + file).isFalse();
                try {
                    formats.parse(content, format, Fixtures.CTX);
                    fail(format + " read " + file);
                } catch (ParseException expected) {
                    assertThat(expected.getMessage()).as(file).isNotBlank();
                }
            }
        }
    }

    @Test
    void plainTextIsWiretextNeverAFeed() throws Exception {
        for (String file : PLAIN_TEXT) {
            assertThat(formats.parse(read(file), null, Fixtures.CTX).format()).as(file).isEqualTo("wiretext");
        }
    }
}
