import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one source item should give, field by field, and how a field of Taar's ninjs is judged against it. */
final class Expect {
  /** How a field is compared; every comparison folds white space first. */
  enum Rule {
    /** Taar's value equals one of the alternatives. */
    SAME,
    /** The same, ignoring case (language tags, place names). */
    SAME_CI,
    /** Every group is met by one of Taar's values, ignoring case (dates as instants, categories, subjects). */
    EVERY,
    /** Taar's text starts with the expected start (bodies, summaries: the first 50 characters). */
    STARTS,
    /** Every name is in Taar's byline, or Taar's byline is in the name ("By Jo Name" and "Jo Name"). */
    MENTIONS,
    /** uri: the source id as written, or carried verbatim at the end of a URN when it is not a URI itself. */
    ID
  }

  /** One expectation: field, rule and the expected value(s): groups of alternatives. */
  record Want(String field, Rule rule, List<List<String>> groups) {
    String shown() {
      List<String> parts = new ArrayList<>();
      for (List<String> g : groups) parts.add(String.join(" | ", g));
      return String.join("; ", parts);
    }
  }

  /** A source item: where it is, how to find its Taar twin, and what it should give. */
  record Item(String file, int index, String id, String link, Map<String, Want> wants) {
    Item(String file, int index, String id, String link) {
      this(file, index, id, link, new LinkedHashMap<>());
    }

    void want(String field, Rule rule, List<List<String>> groups) {
      List<List<String>> kept = new ArrayList<>();
      for (List<String> g : groups) {
        List<String> alts = g.stream().map(Norm::fold).filter(s -> !s.isEmpty()).distinct().toList();
        if (!alts.isEmpty()) kept.add(alts);
      }
      if (!kept.isEmpty()) wants.put(field, new Want(field, rule, kept));
    }

    void want(String field, Rule rule, String... alternatives) {
      want(field, rule, List.of(List.of(alternatives)));
    }
  }

  private Expect() {}

  /** Taar's values for a field, read from its ninjs 2.1 item. */
  static List<String> got(String field, JsonNode it) {
    List<String> out = new ArrayList<>();
    switch (field) {
      case "link" -> it.path("renditions").forEach(r -> { if (r.path("name").asText().equals("web")) out.add(r.path("href").asText()); });
      case "id", "uri" -> add(out, it, "uri");
      case "date", "dates" -> {
        List<String> fields = field.equals("date") ? List.of("versioncreated", "firstcreated") : List.of("versioncreated", "firstcreated", "contentcreated");
        for (String f : fields) {
          Norm.date(it.path(f).asText("")).ifPresent(i -> out.add(field.equals("date") ? Norm.instant(i) : f + " " + Norm.instant(i)));
        }
      }
      case "author", "byline" -> add(out, it, "by");
      case "categories", "subjects" -> {
        it.path("subjects").forEach(s -> { for (String k : List.of("name", "literal", "uri")) add(out, s, k); });
        if (field.equals("subjects")) it.path("places").forEach(p -> add(out, p, "name"));
      }
      case "rights" -> add(out, it, "copyrightnotice");
      case "content", "body start" -> {
        it.path("bodies").forEach(b -> out.add(text(b)));
        if (field.equals("content")) it.path("descriptions").forEach(d -> out.add(text(d)));
      }
      case "summary" -> it.path("descriptions").forEach(d -> out.add(text(d)));
      case "headline" -> it.path("headlines").forEach(h -> { if (h.path("role").asText("main").equals("main")) add(out, h, "value"); });
      case "place" -> { add(out, it, "located"); it.path("places").forEach(p -> add(out, p, "name")); }
      case "embargo" -> Norm.date(it.path("embargoed").asText("")).ifPresent(i -> out.add(Norm.instant(i)));
      default -> add(out, it, field); // version, pubstatus, language, urgency
    }
    out.replaceAll(Norm::fold);
    out.removeIf(String::isEmpty);
    return out;
  }

  private static String text(JsonNode part) {
    String v = part.path("value").asText("");
    return part.path("contenttype").asText("text/html").contains("html") ? Norm.htmlText(v) : Norm.fold(v);
  }

  private static void add(List<String> out, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v != null && !v.isNull() && !v.isContainerNode()) out.add(v.asText());
  }

  /** Whether Taar's values meet the expectation. */
  static boolean met(Want w, List<String> got) {
    return switch (w.rule()) {
      case SAME -> got.stream().anyMatch(g -> w.groups().get(0).contains(g));
      case SAME_CI -> got.stream().anyMatch(g -> w.groups().get(0).stream().anyMatch(g::equalsIgnoreCase));
      case EVERY -> w.groups().stream().allMatch(alts -> got.stream().anyMatch(g -> alts.stream().anyMatch(g::equalsIgnoreCase)));
      case STARTS -> got.stream().anyMatch(g -> w.groups().get(0).stream().anyMatch(g::startsWith));
      case MENTIONS -> !got.isEmpty() && w.groups().stream().allMatch(alts -> alts.stream().anyMatch(name -> mentions(got, name)));
      case ID -> got.stream().anyMatch(g -> w.groups().get(0).stream().anyMatch(id -> carries(g, id)));
    };
  }

  /** What a miss shows as expected: for EVERY and MENTIONS only the groups Taar did not meet. */
  static String missed(Want w, List<String> got) {
    if (w.rule() != Rule.EVERY && w.rule() != Rule.MENTIONS) return w.shown();
    List<List<String>> left = new ArrayList<>();
    for (List<String> g : w.groups()) if (!met(new Want(w.field(), w.rule(), List.of(g)), got)) left.add(g);
    return left.isEmpty() ? w.shown() : new Want(w.field(), w.rule(), left).shown();
  }

  private static boolean mentions(List<String> got, String name) {
    String n = bare(name);
    return got.stream().map(Expect::bare).anyMatch(g -> g.contains(n) || (g.length() >= 3 && n.contains(g)));
  }

  private static String bare(String s) {
    return s.toLowerCase(Locale.ROOT).replaceFirst("^by\\s+", "").trim();
  }

  private static boolean carries(String uri, String id) {
    if (uri.equals(id)) return true;
    if (id.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) return false; // a URI must come back as written
    String decoded = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
    return decoded.endsWith(":" + id) || decoded.endsWith("/" + id);
  }
}
