import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Expected fields of agency files: NewsML-G2 news items read from the XML, NewsML 1.2 BusinessWire files from their
 * golden ninjs and their XML, ninjs files from themselves, and the NTB NITF and AFP NewsML 1.2 samples from a table.
 */
final class AgencyReader {
  static final Expect.Rule SAME = Expect.Rule.SAME, SAME_CI = Expect.Rule.SAME_CI, EVERY = Expect.Rule.EVERY,
      STARTS = Expect.Rule.STARTS, MENTIONS = Expect.Rule.MENTIONS, ID = Expect.Rule.ID;

  /** A file's expected items, or the reason it is not measured (a package, a picture, a fragment...). */
  record Agency(String kind, List<Expect.Item> items, String skipped) {}

  private AgencyReader() {}

  // ---------- NewsML-G2: every news item of text class, at the root or in a news message ----------

  static Agency g2(Path path) throws Exception {
    Element root;
    try {
      root = dom(path).getDocumentElement();
    } catch (Exception e) {
      return new Agency("newsml-g2", List.of(), "not a whole document (a listing fragment)");
    }
    List<Element> news = new ArrayList<>();
    if (FeedReader.local(root).equals("newsItem")) news.add(root);
    for (Element set : kids(root, "itemSet")) news.addAll(kids(set, "newsItem"));
    if (news.isEmpty()) return new Agency("newsml-g2", List.of(), "no news item (" + FeedReader.local(root) + ")");
    List<Expect.Item> items = new ArrayList<>();
    String skipped = null;
    for (Element ni : news) {
      String cls = kid(ni, "itemMeta").flatMap(m -> kid(m, "itemClass")).map(c -> c.getAttribute("qcode")).orElse("");
      if (!cls.isEmpty() && !cls.endsWith(":text") && !cls.endsWith(":composite")) {
        if (news.size() == 1) skipped = "not text (" + cls + ")";
        continue;
      }
      items.add(g2Item(path, ni, items.size()));
    }
    return new Agency("newsml-g2", items, items.isEmpty() ? skipped : null);
  }

  private static Expect.Item g2Item(Path path, Element ni, int index) throws Exception {
    String guid = Norm.fold(ni.getAttribute("guid"));
    Expect.Item item = new Expect.Item(path.toString(), index, guid, "");
    Element meta = kid(ni, "itemMeta").orElse(ni), cm = kid(ni, "contentMeta").orElse(null);
    item.want("uri", ID, guid);
    item.want("version", SAME, ni.getAttribute("version"));
    kid(meta, "pubStatus").ifPresent(p -> item.want("pubstatus", SAME, after(p.getAttribute("qcode"))));
    List<List<String>> dates = new ArrayList<>();
    date(dates, "firstcreated", kid(meta, "firstCreated"));
    date(dates, "versioncreated", kid(meta, "versionCreated"));
    kid(meta, "embargoed").flatMap(e -> Norm.date(e.getTextContent())).ifPresent(i -> item.want("embargo", SAME, Norm.instant(i)));
    Element nitf = body(ni).filter(b -> FeedReader.local(b).equals("nitf")).orElse(null);
    if (cm != null) {
      date(dates, "contentcreated", kid(cm, "contentCreated"));
      List<Element> heads = kids(cm, "headline");
      heads.stream().filter(h -> h.getAttribute("role").isEmpty() || h.getAttribute("role").endsWith("main")).findFirst()
          .or(() -> heads.stream().findFirst()).ifPresent(h -> item.want("headline", SAME, h.getTextContent()));
      List<List<String>> by = new ArrayList<>();
      kids(cm, "by").forEach(b -> by.add(List.of(b.getTextContent())));
      if (by.isEmpty() && nitf != null) find(nitf, "byline").ifPresent(b -> by.add(List.of(b.getTextContent())));
      if (by.isEmpty()) kids(cm, "creator").forEach(c -> kid(c, "name").ifPresent(n -> by.add(List.of(n.getTextContent()))));
      item.want("byline", MENTIONS, by);
      List<List<String>> places = new ArrayList<>();
      kids(cm, "located").forEach(l -> kid(l, "name").ifPresent(n -> places.add(List.of(n.getTextContent()))));
      item.want("place", EVERY, places);
      String lang = kid(cm, "language").map(l -> l.getAttribute("tag")).filter(t -> !t.isEmpty()).orElse(ni.getAttribute("xml:lang"));
      item.want("language", SAME_CI, lang);
      List<List<String>> subjects = new ArrayList<>();
      for (Element s : kids(cm, "subject")) {
        List<String> alts = new ArrayList<>(List.of(s.getAttribute("qcode"), s.getAttribute("uri")));
        kids(s, "name").forEach(n -> alts.add(n.getTextContent()));
        subjects.add(alts);
      }
      item.want("subjects", EVERY, subjects);
      kid(cm, "urgency").ifPresent(u -> item.want("urgency", SAME, u.getTextContent()));
      kids(cm, "description").stream().filter(d -> d.getAttribute("role").isEmpty() || d.getAttribute("role").endsWith("summary"))
          .findFirst().ifPresent(d -> item.want("summary", STARTS, Norm.start(Norm.fold(d.getTextContent()), 50)));
    } else {
      item.want("language", SAME_CI, ni.getAttribute("xml:lang"));
    }
    item.want("dates", EVERY, dates);
    String text = "";
    Optional<Element> b = body(ni);
    if (b.isPresent()) {
      Element el = b.get();
      Element content = find(el, "body.content").or(() -> find(el, "body")).orElse(el);
      text = Norm.htmlText(markup(content));
    } else {
      Optional<Element> data = kid(ni, "contentSet").flatMap(s -> kid(s, "inlineData"));
      if (data.isPresent()) {
        String raw = data.get().getTextContent();
        text = data.get().getAttribute("contenttype").contains("html") ? Norm.htmlText(raw) : Norm.fold(raw);
      }
    }
    if (!text.isEmpty()) item.want("body start", STARTS, Norm.start(text, 50));
    return item;
  }

  /** The inline XML body of a news item: its NITF or HTML root element. */
  private static Optional<Element> body(Element ni) {
    return kid(ni, "contentSet").flatMap(s -> kid(s, "inlineXML")).flatMap(x -> kids(x, null).stream().findFirst());
  }

  private static void date(List<List<String>> dates, String field, Optional<Element> e) {
    e.flatMap(d -> Norm.date(d.getTextContent())).ifPresent(i -> dates.add(List.of(field + " " + Norm.instant(i))));
  }

  // ---------- NewsML 1.2 from BusinessWire: the golden ninjs beside it, and what the XML itself says ----------

  static Agency businessWire(Path xml, Path golden) throws Exception {
    JsonNode g = new ObjectMapper().readTree(golden.toFile());
    Element root = dom(xml).getDocumentElement();
    Element ident = find(root, "NewsIdentifier").orElseThrow();
    String pub = Norm.fold(kid(ident, "PublicIdentifier").map(Node::getTextContent).orElse(""));
    String stable = pub.replaceFirst(":[^:]*$", ""); // the URN less its revision, the same for every version
    Expect.Item item = new Expect.Item(xml.toString(), 0, pub, "");
    item.want("uri", ID, g.path("uri").asText(""), pub, stable);
    item.want("version", SAME, g.path("version").asText(""));
    find(root, "Status").ifPresent(s -> item.want("pubstatus", SAME, s.getAttribute("FormalName").toLowerCase(Locale.ROOT)));
    item.want("language", SAME_CI, g.path("language").asText(""));
    String headline = g.path("headline").asText("");
    for (JsonNode h : g.path("headlines")) if (h.path("role").asText("main").equals("main")) headline = h.path("value").asText();
    item.want("headline", SAME, headline);
    List<List<String>> subjects = new ArrayList<>();
    for (JsonNode s : g.has("subjects") ? g.path("subjects") : g.path("subject")) subjects.add(List.of(s.path("name").asText("")));
    item.want("subjects", EVERY, subjects);
    List<List<String>> dates = new ArrayList<>();
    Norm.date(g.path("versioncreated").asText("")).ifPresent(i -> dates.add(List.of("versioncreated " + Norm.instant(i))));
    date(dates, "firstcreated", find(root, "FirstCreated"));
    item.want("dates", EVERY, dates);
    String body = g.path("body_xhtml").asText("");
    for (JsonNode b : g.path("bodies")) body = b.path("value").asText();
    String text = Norm.htmlText(body);
    if (!text.isEmpty()) item.want("body start", STARTS, Norm.start(text, 50));
    return new Agency("newsml1.2+ninjs", List.of(item), null);
  }

  // ---------- ninjs: a ninjs file parsed must give back its own fields ----------

  static Agency ninjs(Path path) throws Exception {
    JsonNode n = new ObjectMapper().readTree(path.toFile());
    if (!n.isObject()) return new Agency("ninjs", List.of(), "not one item (a collection)");
    String type = get(n, "type").asText("text");
    if (!type.equals("text") && !type.equals("composite")) return new Agency("ninjs", List.of(), "not text (" + type + ")");
    String uri = get(n, "uri").asText("");
    Expect.Item item = new Expect.Item(path.toString(), 0, uri, "");
    item.want("uri", ID, uri);
    item.want("version", SAME, get(n, "version").asText(""));
    item.want("pubstatus", SAME, get(n, "pubstatus").asText(""));
    String headline = get(n, "headline").asText("");
    for (JsonNode h : get(n, "headlines")) if (h.path("role").asText("main").equals("main") && headline.isEmpty()) headline = h.path("value").asText();
    item.want("headline", SAME, headline);
    item.want("byline", MENTIONS, get(n, "by").asText(get(n, "byline").asText("")));
    List<List<String>> places = new ArrayList<>();
    if (get(n, "located").isTextual()) places.add(List.of(get(n, "located").asText()));
    for (String k : List.of("places", "place")) for (JsonNode p : get(n, k)) places.add(List.of(p.path("name").asText("")));
    item.want("place", EVERY, places);
    item.want("language", SAME_CI, get(n, "language").asText(""));
    String body = "";
    for (JsonNode b : get(n, "bodies")) if (body.isEmpty()) body = part(b);
    for (String k : List.of("body_html", "body_xhtml")) if (body.isEmpty()) body = Norm.htmlText(get(n, k).asText(""));
    if (body.isEmpty()) body = Norm.fold(get(n, "body_text").asText(""));
    if (!body.isEmpty()) item.want("body start", STARTS, Norm.start(body, 50));
    String summary = "";
    for (JsonNode d : get(n, "descriptions")) if (summary.isEmpty()) summary = part(d);
    if (summary.isEmpty()) summary = Norm.htmlText(get(n, "description_xhtml").asText(get(n, "description_html").asText("")));
    if (summary.isEmpty()) summary = Norm.fold(get(n, "description_text").asText(""));
    if (!summary.isEmpty()) item.want("summary", STARTS, Norm.start(summary, 50));
    List<List<String>> subjects = new ArrayList<>();
    for (JsonNode s : n.has("subject") ? get(n, "subject") : get(n, "subjects")) {
      subjects.add(List.of(s.path("name").asText(""), s.path("uri").asText(""), s.path("literal").asText(""), s.path("code").asText("")));
    }
    item.want("subjects", EVERY, subjects);
    item.want("urgency", SAME, get(n, "urgency").asText(""));
    Norm.date(get(n, "embargoed").asText("")).ifPresent(i -> item.want("embargo", SAME, Norm.instant(i)));
    List<List<String>> dates = new ArrayList<>();
    for (String f : List.of("firstcreated", "versioncreated", "contentcreated")) {
      Norm.date(get(n, f).asText("")).ifPresent(i -> dates.add(List.of(f + " " + Norm.instant(i))));
    }
    item.want("dates", EVERY, dates);
    return new Agency("ninjs", List.of(item), null);
  }

  /** A ninjs key in any case: ninjs 3 writes versionCreated where 1 and 2 write versioncreated. */
  private static JsonNode get(JsonNode n, String key) {
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String part(JsonNode p) {
    String v = p.path("value").asText("");
    String type = p.path("contenttype").asText(p.path("contentType").asText("text/html"));
    return type.contains("html") || type.contains("xml") ? Norm.markupText(v) : Norm.fold(v);
  }

  // ---------- helpers ----------

  static org.w3c.dom.Document dom(Path path) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(Files.newInputStream(path));
  }

  private static String after(String qcode) {
    return qcode.substring(qcode.indexOf(':') + 1).toLowerCase(Locale.ROOT);
  }

  static String markup(Element e) throws Exception {
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    t.setOutputProperty(OutputKeys.METHOD, "html");
    StringWriter w = new StringWriter();
    t.transform(new DOMSource(e), new StreamResult(w));
    return w.toString();
  }

  /** Child elements by local name, whatever the namespace (the TT sample has none); null name: all. */
  static List<Element> kids(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && (name == null || FeedReader.local(c).equals(name))) out.add(c);
    }
    return out;
  }

  static Optional<Element> kid(Element e, String name) {
    return kids(e, name).stream().findFirst();
  }

  /** The first descendant by local name, depth first. */
  static Optional<Element> find(Element e, String name) {
    for (Element c : kids(e, null)) {
      if (FeedReader.local(c).equals(name)) return Optional.of(c);
      Optional<Element> deeper = find(c, name);
      if (deeper.isPresent()) return deeper;
    }
    return Optional.empty();
  }
}
