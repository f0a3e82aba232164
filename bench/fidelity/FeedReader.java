import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.parser.Parser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The bench's own feed reader: RSS 0.9x/2.0 (no namespace), RSS 0.90/1.0 (RDF), Atom 0.3/1.0 and JSON Feed,
 * each entry's link, dates, id, authors, categories, rights and content read as the specifications define them.
 */
final class FeedReader {
  static final String ATOM = "http://www.w3.org/2005/Atom", ATOM03 = "http://purl.org/atom/ns#",
      RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", DC = "http://purl.org/dc/elements/1.1/",
      CONTENT = "http://purl.org/rss/1.0/modules/content/", XML = "http://www.w3.org/XML/1998/namespace";

  /** A file as the bench saw it: its kind (rss, rdf, atom1.0, atom0.3, json, or a reason it is not a feed) and entries. */
  record Feed(String kind, List<Expect.Item> items, int linksNotUrls, int unreadDates, int invalidItems, boolean repaired) {}

  private int linksNotUrls, unreadDates, invalidItems;
  private String file;

  static Feed read(Path path) throws Exception {
    return new FeedReader().parse(path);
  }

  private Feed parse(Path path) throws Exception {
    file = path.toString();
    byte[] bytes = Files.readAllBytes(path);
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1).trim();
    if (head.startsWith("{") || head.startsWith("\u00ef\u00bb\u00bf{")) return json(bytes);
    if (!head.startsWith("<") && !head.startsWith("\u00ef\u00bb\u00bf")) return new Feed("not a feed: text", List.of(), 0, 0, 0, false);
    boolean repaired = false;
    Document doc;
    try {
      doc = strict(bytes);
    } catch (Exception notWellFormed) {
      // Rome and Miniflux keep broken captures on purpose; a lenient XML tree still says what the publisher meant.
      doc = W3CDom.convert(Jsoup.parse(decode(bytes), "", Parser.xmlParser()));
      repaired = true;
    }
    Element root = doc.getDocumentElement();
    if (root == null) return new Feed("not a feed: empty", List.of(), 0, 0, 0, repaired);
    String ns = root.getNamespaceURI(), name = local(root);
    List<Expect.Item> items = new ArrayList<>();
    String kind;
    if (name.equals("rss")) {
      kind = "rss";
      for (Element ch : kids(root, ns, "channel")) for (Element it : kids(ch, ns, "item")) rssItem(items, it, ns, ch);
    } else if (name.equals("RDF")) {
      kind = "rdf";
      Element ch = kids(root, "*", "channel").stream().findFirst().orElse(null);
      for (Element it : all(root, "item")) rssItem(items, it, it.getNamespaceURI(), ch);
    } else if (name.equals("feed") && (ATOM.equals(ns) || ATOM03.equals(ns) || ns == null)) {
      kind = ATOM.equals(ns) ? "atom1.0" : ns == null ? "atom without namespace" : "atom0.3"; // feedparser reads the last too
      for (Element e : kids(root, ns, "entry")) items.add(atomEntry(e, ns, root, items.size()));
    } else {
      kind = "not a feed: " + name.toLowerCase();
    }
    return new Feed(kind, items, linksNotUrls, unreadDates, invalidItems, repaired);
  }

  /**
   * Characters of a file a strict parser refused: the BOM's or declared charset when the bytes fit it, else
   * UTF-8 when they are UTF-8, else windows-1252, the fallback of browsers and feedparser.
   */
  static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
    var m = java.util.regex.Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)").matcher(head);
    List<Charset> tries = new ArrayList<>();
    if (m.find() && Charset.isSupported(m.group(1))) tries.add(Charset.forName(m.group(1)));
    tries.add(StandardCharsets.UTF_8);
    for (Charset c : tries) {
      try {
        return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException wrong) {
        // try the next one
      }
    }
    return new String(bytes, Charset.forName("windows-1252"));
  }

  private static Document strict(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    var b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(bytes));
  }

  private void rssItem(List<Expect.Item> items, Element it, String ns, Element channel) {
    // RSS 2.0: "at least one of title or description must be present"; an item with neither is not one.
    if (texts(it, ns, "title").isEmpty() && texts(it, ns, "description").isEmpty() && texts(it, CONTENT, "encoded").isEmpty()) {
      invalidItems++;
      return;
    }
    int index = items.size();
    String guid = first(it, ns, "guid").map(Node::getTextContent).map(Norm::fold).orElse("");
    if (guid.isEmpty()) guid = Norm.fold(it.getAttributeNS(RDF, "about")); // RSS 1.0: the item's URI
    String link = first(it, ns, "link").map(e -> resolve(e, e.getTextContent())).orElse("");
    boolean permalink = first(it, ns, "guid").map(g -> !g.getAttribute("isPermaLink").equalsIgnoreCase("false")).orElse(false);
    if (link.isEmpty() && permalink) link = guid; // RSS 2.0: a permalink guid is the item's URL
    Expect.Item item = new Expect.Item(file, index, guid, link);
    if (!link.isEmpty()) {
      if (Norm.isWebUrl(link)) item.want("link", Expect.Rule.SAME, link);
      else linksNotUrls++;
    }
    if (!guid.isEmpty()) item.want("id", Expect.Rule.ID, guid);
    dates(item, texts(it, ns, "pubDate"), texts(it, DC, "date"));
    List<List<String>> authors = new ArrayList<>();
    for (String a : texts(it, ns, "author")) authors.add(List.of(Norm.personName(a)));
    for (String a : texts(it, DC, "creator")) authors.add(List.of(Norm.personName(a)));
    item.want("author", Expect.Rule.MENTIONS, authors);
    List<List<String>> cats = new ArrayList<>();
    for (String c : texts(it, ns, "category")) cats.add(List.of(c));
    for (String c : texts(it, DC, "subject")) cats.add(List.of(c));
    item.want("categories", Expect.Rule.EVERY, cats);
    // An item's own dc:rights, else the channel's copyright notice, which covers everything in it.
    String rights = texts(it, DC, "rights").stream().findFirst().orElse("");
    if (rights.isEmpty() && channel != null) {
      rights = texts(channel, ns, "copyright").stream().findFirst().orElse(texts(channel, DC, "rights").stream().findFirst().orElse(""));
    }
    item.want("rights", Expect.Rule.SAME, Norm.htmlText(rights));
    String html = texts(it, CONTENT, "encoded").stream().filter(s -> !s.isBlank()).findFirst()
        .orElse(texts(it, ns, "description").stream().findFirst().orElse(""));
    content(item, Norm.htmlText(html));
    items.add(item);
  }

  private Expect.Item atomEntry(Element e, String ns, Element feed, int index) {
    boolean v03 = ATOM03.equals(ns);
    String id = first(e, ns, "id").map(Node::getTextContent).map(Norm::fold).orElse("");
    String link = "";
    for (Element l : kids(e, ns, "link")) {
      String rel = l.getAttribute("rel"), type = l.getAttribute("type");
      if ((rel.isEmpty() || rel.equals("alternate")) && (link.isEmpty() || type.isEmpty() || type.contains("html"))) {
        String href = resolve(l, l.getAttribute("href"));
        if (link.isEmpty() || type.contains("html")) link = href;
      }
    }
    Expect.Item item = new Expect.Item(file, index, id, link);
    if (!link.isEmpty()) {
      if (Norm.isWebUrl(link)) item.want("link", Expect.Rule.SAME, link);
      else linksNotUrls++;
    }
    if (!id.isEmpty()) item.want("id", Expect.Rule.ID, id);
    if (v03) dates(item, texts(e, ns, "issued"), texts(e, ns, "modified"));
    else dates(item, texts(e, ns, "published"), texts(e, ns, "updated"));
    // Authors: the entry's, else its source's, else the feed's (RFC 4287, 4.2.1).
    Element source = first(e, ns, "source").orElse(null);
    List<Element> people = kids(e, ns, "author");
    if (people.isEmpty() && source != null) people = kids(source, ns, "author");
    if (people.isEmpty()) people = kids(feed, ns, "author");
    List<List<String>> authors = new ArrayList<>();
    for (Element p : people) first(p, ns, "name").map(Node::getTextContent).ifPresent(n -> authors.add(List.of(n)));
    item.want("author", Expect.Rule.MENTIONS, authors);
    List<List<String>> cats = new ArrayList<>();
    for (Element c : kids(e, ns, "category")) cats.add(List.of(c.getAttribute("term"), c.getAttribute("label")));
    for (String c : texts(e, DC, "subject")) cats.add(List.of(c));
    item.want("categories", Expect.Rule.EVERY, cats);
    String rightsName = v03 ? "copyright" : "rights";
    Element rights = first(e, ns, rightsName).orElse(source == null ? null : first(source, ns, rightsName).orElse(null));
    if (rights == null) rights = first(feed, ns, rightsName).orElse(null); // RFC 4287, 4.2.10: the feed's rights apply
    if (rights == null) rights = first(e, DC, "rights").orElse(null);
    if (rights != null) item.want("rights", Expect.Rule.SAME, atomText(rights, v03));
    Element content = first(e, ns, "content").filter(c -> c.getAttribute("src").isEmpty() && textual(c)).orElse(null);
    String text = content == null ? "" : atomText(content, v03);
    if (text.isEmpty()) text = first(e, ns, "summary").map(s -> atomText(s, v03)).orElse("");
    content(item, text);
    return item;
  }

  /** Whether an Atom content element holds text a reader can show (not base64, not an image). */
  private static boolean textual(Element c) {
    String type = c.getAttribute("type"), mode = c.getAttribute("mode");
    if (mode.equals("base64")) return false;
    return type.isEmpty() || type.equals("text") || type.equals("html") || type.equals("xhtml")
        || type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml");
  }

  /** An Atom text construct as a reader sees it: html is markup, xhtml is a div of markup, text is text. */
  private static String atomText(Element c, boolean v03) {
    String type = c.getAttribute("type"), mode = c.getAttribute("mode");
    boolean html = type.equals("html") || (v03 && mode.equals("escaped")) || (type.equals("text/html") && !mode.equals("xml"));
    return html ? Norm.htmlText(c.getTextContent()) : Norm.fold(c.getTextContent());
  }

  private void content(Expect.Item item, String folded) {
    if (!folded.isEmpty()) item.want("content", Expect.Rule.STARTS, Norm.start(folded, 50));
  }

  @SafeVarargs
  private void dates(Expect.Item item, List<String>... lists) {
    List<List<String>> groups = new ArrayList<>();
    for (List<String> l : lists) {
      for (String raw : l.stream().limit(1).toList()) {
        var d = Norm.date(raw);
        if (d.isPresent()) groups.add(List.of(Norm.instant(d.get())));
        else unreadDates++;
      }
    }
    item.want("date", Expect.Rule.EVERY, groups);
  }

  private Feed json(byte[] bytes) throws Exception {
    JsonNode root = new ObjectMapper().readTree(bytes);
    if (!root.path("version").asText("").contains("jsonfeed.org")) return new Feed("not a feed: json", List.of(), 0, 0, 0, false);
    List<Expect.Item> items = new ArrayList<>();
    for (JsonNode it : root.path("items")) {
      String id = it.path("id").asText(""), link = it.path("url").asText("");
      Expect.Item item = new Expect.Item(file, items.size(), id, link);
      if (Norm.isWebUrl(link)) item.want("link", Expect.Rule.SAME, link);
      else if (!link.isEmpty()) linksNotUrls++;
      if (!id.isEmpty()) item.want("id", Expect.Rule.ID, id);
      dates(item, opt(it, "date_published"), opt(it, "date_modified"));
      List<List<String>> authors = new ArrayList<>();
      it.path("authors").forEach(a -> authors.add(List.of(a.path("name").asText(""))));
      if (authors.isEmpty() && it.has("author")) authors.add(List.of(it.path("author").path("name").asText("")));
      item.want("author", Expect.Rule.MENTIONS, authors);
      List<List<String>> tags = new ArrayList<>();
      it.path("tags").forEach(t -> tags.add(List.of(t.asText())));
      item.want("categories", Expect.Rule.EVERY, tags);
      String text = Norm.htmlText(it.path("content_html").asText(""));
      if (text.isEmpty()) text = Norm.fold(it.path("content_text").asText(it.path("summary").asText("")));
      content(item, text);
      items.add(item);
    }
    return new Feed("json", items, linksNotUrls, unreadDates, invalidItems, false);
  }

  private static List<String> opt(JsonNode n, String key) {
    return n.hasNonNull(key) ? List.of(n.get(key).asText()) : List.of();
  }

  /** A relative reference resolved against the xml:base attributes around it (RFC 3986, XML Base). */
  private static String resolve(Element e, String ref) {
    String r = Norm.fold(ref);
    if (r.isEmpty()) return r;
    List<String> bases = new ArrayList<>();
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      String b = el.getAttributeNS(XML, "base");
      if (b.isEmpty()) b = el.getAttribute("xml:base"); // the lenient tree keeps it as a plain attribute
      if (!b.isEmpty()) bases.add(0, b);
    }
    try {
      URI u = null;
      for (String b : bases) u = u == null ? new URI(b.trim()) : u.resolve(b.trim());
      return u == null ? r : u.resolve(r).toString();
    } catch (Exception e2) {
      return r;
    }
  }

  static String local(Node n) {
    String l = n.getLocalName();
    if (l == null) l = n.getNodeName();
    return l.contains(":") ? l.substring(l.indexOf(':') + 1) : l;
  }

  /** Child elements by local name in namespace ns: null is no namespace (RSS 2.0), "*" any. */
  static List<Element> kids(Element e, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && local(c).equals(name) && ("*".equals(ns) || Objects.equals(ns, c.getNamespaceURI()))) out.add(c);
    }
    return out;
  }

  private static List<Element> all(Element root, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && local(c).equals(name)) out.add(c);
      else if (n instanceof Element c && local(c).equals("channel")) out.addAll(kids(c, "*", name)); // RSS 0.90 style nesting
    }
    return out;
  }

  static java.util.Optional<Element> first(Element e, String ns, String name) {
    return kids(e, ns, name).stream().findFirst();
  }

  private static List<String> texts(Element e, String ns, String name) {
    return kids(e, ns, name).stream().map(Node::getTextContent).map(Norm::fold).filter(s -> !s.isEmpty()).toList();
  }
}
