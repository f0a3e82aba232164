import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fields read: what `taar parse` gives for the shared feeds and agency files, against what the bench's own readers
 * find in the same files (FeedReader, AgencyReader, Tables). Expectations come from the sources, never from Taar.
 */
public final class Fidelity {
  static final List<String> FEED_FIELDS = List.of("link", "date", "id", "author", "categories", "rights", "content");
  static final List<String> AGENCY_FIELDS = List.of("headline", "uri", "version", "pubstatus", "byline", "place",
      "language", "body start", "summary", "subjects", "urgency", "embargo", "dates");

  /** Expected and met per field, and the misses, for one table. */
  static final class Tally {
    final Map<String, int[]> counts = new LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();
    int items, matched, taarItems;

    Tally(List<String> fields) {
      fields.forEach(f -> counts.put(f, new int[2]));
    }
  }

  public static void main(String[] args) throws Exception {
    Path shared = Path.of("../shared/data"), jar = Path.of("target/taar.jar");
    boolean quiet = false;
    int shown = 100;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--shared" -> shared = Path.of(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        case "--quiet" -> quiet = true;
        case "--misses" -> shown = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--shared DIR --jar FILE --quiet --misses N)");
      }
    }
    SelfCheck.run();
    Map<Path, List<Expect.Item>> feeds = new LinkedHashMap<>(), agency = new LinkedHashMap<>();
    Map<String, Integer> feedKinds = new TreeMap<>(), feedSkips = new TreeMap<>(), agencyKinds = new TreeMap<>(), agencySkips = new TreeMap<>();
    int notUrls = 0, unreadDates = 0, invalid = 0, repaired = 0;
    for (Path p : files(shared.resolve("feeds"))) {
      try {
        FeedReader.Feed f = FeedReader.read(p);
        if (f.kind().startsWith("not a feed")) { bump(feedSkips, f.kind()); continue; }
        bump(feedKinds, f.kind());
        feeds.put(p, f.items());
        notUrls += f.linksNotUrls();
        unreadDates += f.unreadDates();
        invalid += f.invalidItems();
        if (f.repaired()) repaired++;
      } catch (Exception e) {
        bump(feedSkips, "unreadable by the bench (" + e.getClass().getSimpleName() + ")");
      }
    }
    Path iptc = shared.resolve("iptc");
    for (Path p : files(iptc.resolve("newsml-g2/examples"))) if (p.toString().endsWith(".xml")) add(agency, agencyKinds, agencySkips, p, AgencyReader.g2(p));
    Path xslt = iptc.resolve("ninjs/tools/xslt");
    add(agency, agencyKinds, agencySkips, xslt.resolve("TT_newsmlg2_sample.xml"), AgencyReader.g2(xslt.resolve("TT_newsmlg2_sample.xml")));
    add(agency, agencyKinds, agencySkips, xslt.resolve("NTB_nitf_sample.xml"), table("nitf (table)", Tables.ntb(xslt.resolve("NTB_nitf_sample.xml"))));
    Path afp = xslt.resolve("afp.com_newsml1.2_sample.xml");
    add(agency, agencyKinds, agencySkips, afp, table("newsml1.2 (table)", Tables.afp(afp)));
    Path examples = iptc.resolve("ninjs/examples");
    for (Path p : files(examples.resolve("NewsML"))) {
      String base = p.getFileName().toString().replaceFirst("\\.xml$", ".json");
      Path golden = Stream.of("2.1", "1.4").map(v -> examples.resolve(v).resolve(base)).filter(Files::exists).findFirst().orElse(null);
      if (golden == null) bump(agencySkips, "newsml1.2 without a golden ninjs");
      else add(agency, agencyKinds, agencySkips, p, AgencyReader.businessWire(p, golden));
    }
    List<Path> ninjs = new ArrayList<>(files(examples));
    ninjs.addAll(files(iptc.resolve("ninjs/documentation/includes/examples")));
    for (Path p : ninjs) {
      String s = p.toString();
      if (!s.endsWith(".json") || s.contains("not-valid") || p.getFileName().toString().contains("schema")) continue;
      add(agency, agencyKinds, agencySkips, p, AgencyReader.ninjs(p));
    }

    List<Path> all = new ArrayList<>(feeds.keySet());
    all.addAll(agency.keySet());
    Map<String, JsonNode> parsed = taarParse(jar, all);
    Tally feedTally = compare(feeds, parsed, FEED_FIELDS, shared);
    Tally agencyTally = compare(agency, parsed, AGENCY_FIELDS, shared);
    long errors = parsed.values().stream().filter(n -> !n.path("error").isNull() && !n.path("error").isMissingNode()).count();

    System.out.printf("Fields read: taar parse (%s) against the bench's own reading of %s%n%n", jar, shared);
    System.out.printf("Feeds: %d files %s; skipped %s%n", feeds.size(), feedKinds, feedSkips);
    System.out.printf("  %d entries, %d found among Taar's %d items; %d files read only by a lenient parser; %d items with neither "
        + "title nor description left out; no expectation for %d links that are not absolute http(s) URLs and %d dates the bench "
        + "cannot read%n", feedTally.items, feedTally.matched, feedTally.taarItems, repaired, invalid, notUrls, unreadDates);
    print(feedTally);
    System.out.printf("%nAgency files: %d files %s; skipped %s%n", agency.size(), agencyKinds, agencySkips);
    System.out.printf("  %d items, %d found among Taar's %d items; taar parse gave an error for %d of all %d files%n",
        agencyTally.items, agencyTally.matched, agencyTally.taarItems, errors, all.size());
    print(agencyTally);
    if (feedTally.items == 0 || agencyTally.items == 0) {
      System.err.println("fidelity: no feed entries or no agency items were read: is " + shared + " the shared data?");
      System.exit(1);
    }
    if (!quiet) {
      misses("feeds", feedTally, shown);
      misses("agency files", agencyTally, shown);
    }
  }

  private static AgencyReader.Agency table(String kind, Expect.Item item) {
    return new AgencyReader.Agency(kind, List.of(item), null);
  }

  private static void add(Map<Path, List<Expect.Item>> into, Map<String, Integer> kinds, Map<String, Integer> skips, Path p,
      AgencyReader.Agency a) {
    if (a.skipped() != null || a.items().isEmpty()) {
      bump(skips, a.kind() + ": " + (a.skipped() == null ? "no item" : a.skipped()));
      return;
    }
    bump(kinds, a.kind());
    into.put(p, a.items());
  }

  private static void bump(Map<String, Integer> m, String k) {
    m.merge(k, 1, Integer::sum);
  }

  private static List<Path> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) throw new IllegalStateException(dir + " is not there: give --shared ../shared/data");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** One `taar parse` run over every file, JSON Lines keyed by the file as given. */
  private static Map<String, JsonNode> taarParse(Path jar, List<Path> files) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "parse"));
    files.forEach(f -> cmd.add(f.toString()));
    Path err = Files.createTempFile("fidelity-parse", ".log");
    Process proc = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    Map<String, JsonNode> out = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode n = json.readTree(line);
        out.put(n.path("file").asText(), n);
      }
    }
    int rc = proc.waitFor();
    if (rc != 0 && rc != 65) throw new IllegalStateException("taar parse exited " + rc + ": " + Files.readString(err));
    Files.deleteIfExists(err);
    return out;
  }

  private static Tally compare(Map<Path, List<Expect.Item>> expected, Map<String, JsonNode> parsed, List<String> fields, Path shared) {
    Tally t = new Tally(fields);
    for (Map.Entry<Path, List<Expect.Item>> e : expected.entrySet()) {
      JsonNode result = parsed.get(e.getKey().toString());
      List<JsonNode> got = new ArrayList<>();
      if (result != null) result.path("items").forEach(got::add);
      t.taarItems += got.size();
      boolean[] used = new boolean[got.size()];
      String name = shared.relativize(e.getKey()).toString();
      for (Expect.Item item : e.getValue()) {
        t.items++;
        int k = match(item, got, used, got.size() == e.getValue().size());
        if (k >= 0) { used[k] = true; t.matched++; }
        for (Expect.Want w : item.wants().values()) {
          int[] c = t.counts.computeIfAbsent(w.field(), f -> new int[2]);
          c[0]++;
          List<String> values = k < 0 ? List.of() : Expect.got(w.field(), got.get(k));
          if (k >= 0 && Expect.met(w, values)) c[1]++;
          else t.misses.add(String.format("%s #%d %s: expected %s; got %s", name, item.index(), w.field(), cut(Expect.missed(w, values)),
              k < 0 ? (result == null ? "(no answer)" : result.path("error").isNull() ? "(no such item)" : "(error: " + cut(result.path("error").asText()) + ")")
                  : values.isEmpty() ? "(nothing)" : cut(String.join(" | ", values))));
        }
      }
    }
    return t;
  }

  /** Taar's twin of a source item: same id, else same link, else the same place in a file Taar read whole. */
  private static int match(Expect.Item item, List<JsonNode> got, boolean[] used, boolean sameCount) {
    for (int i = 0; i < got.size(); i++) {
      if (!used[i] && !item.id().isEmpty() && Expect.met(new Expect.Want("id", Expect.Rule.ID, List.of(List.of(item.id()))), Expect.got("id", got.get(i)))) return i;
    }
    for (int i = 0; i < got.size(); i++) {
      if (!used[i] && !item.link().isEmpty() && Expect.got("link", got.get(i)).contains(item.link())) return i;
    }
    return sameCount && !used[item.index()] ? item.index() : -1;
  }

  private static String cut(String s) {
    return s.length() <= 70 ? "«" + s + "»" : "«" + s.substring(0, 67) + "...»";
  }

  private static void print(Tally t) {
    System.out.printf("  %-12s %9s %6s %7s%n", "field", "expected", "met", "%");
    int exp = 0, met = 0;
    for (Map.Entry<String, int[]> e : t.counts.entrySet()) {
      int[] c = e.getValue();
      exp += c[0];
      met += c[1];
      System.out.printf("  %-12s %9d %6d %7s%n", e.getKey(), c[0], c[1], pct(c[1], c[0]));
    }
    System.out.printf("  %-12s %9d %6d %7s%n", "TOTAL", exp, met, pct(met, exp));
  }

  private static String pct(int met, int expected) {
    return expected == 0 ? "-" : String.format("%.1f", 100.0 * met / expected);
  }

  private static void misses(String what, Tally t, int shown) {
    System.out.printf("%nMisses, %s (%d):%n", what, t.misses.size());
    int n = shown <= 0 ? t.misses.size() : Math.min(shown, t.misses.size());
    t.misses.subList(0, n).forEach(m -> System.out.println("  " + m));
    if (n < t.misses.size()) System.out.printf("  ... and %d more (--misses 0 shows all)%n", t.misses.size() - n);
  }
}
