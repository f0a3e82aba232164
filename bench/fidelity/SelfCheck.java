import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bench's own readers on small inline examples written for it: a wrong reader would make every figure wrong. */
final class SelfCheck {
  private SelfCheck() {}

  static void run() throws Exception {
    same(Norm.date("Sat, 07 Sep 2002 00:00:01 GMT").map(Norm::instant).orElse(""), "2002-09-07T00:00:01Z");
    same(Norm.date("7 Sep 02 09:30 EDT").map(Norm::instant).orElse(""), "2002-09-07T13:30:00Z");
    same(Norm.date("Tue, 10 Jun 2003 04:00:00 +0530").map(Norm::instant).orElse(""), "2003-06-09T22:30:00Z");
    same(Norm.date("2003-12-13T18:30:02.25+01:00").map(Norm::instant).orElse(""), "2003-12-13T17:30:02Z");
    same(Norm.date("2003-12-13").map(Norm::instant).orElse(""), "2003-12-13T00:00:00Z");
    same(Norm.date("20130605T210000+0000").map(Norm::instant).orElse(""), "2013-06-05T21:00:00Z");
    same(Norm.date("Mon, 01 Jan 2024 10:00:00 IST").isPresent() + "", "false");
    same(Norm.personName("jo@example.org (Jo Bloggs)"), "Jo Bloggs");
    same(Norm.personName("\"Jo Bloggs\" <jo@example.org>"), "Jo Bloggs");
    same(Norm.htmlText("<p>One&nbsp;&amp; <b>two</b></p><script>x()</script><p>three</p>"), "One & two three");
    same(FeedReader.decode("<?xml version=\"1.0\"?><a>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1)), "<?xml version=\"1.0\"?><a>caf\u00e9</a>");

    Expect.Item rss = one("""
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <copyright>(c) Example</copyright><item><title>T</title><guid>http://example.org/1</guid>
        <atom:link href="http://example.org/feed" rel="self"/><author>jo@example.org (Jo)</author><dc:creator>Ann</dc:creator>
        <description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</description></item></channel></rss>""");
    same(rss.wants().get("link").shown(), "http://example.org/1"); // a permalink guid, not the atom:link
    same(rss.wants().get("author").shown(), "Jo; Ann");
    same(rss.wants().get("rights").shown(), "(c) Example");
    same(rss.wants().get("content").shown(), "Hello world");
    Expect.Item atom = one("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/"><author><name>Feed Author</name></author>
        <rights type="html">&lt;b&gt;CC&lt;/b&gt; BY</rights><entry><id>tag:x,2024:1</id><link href="post/1"/>
        <link rel="enclosure" href="a.mp3"/><published>2024-01-01T10:00:00+05:30</published><updated>2024-01-02T00:00:00Z</updated>
        <category term="t1" label="Topic"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content>
        </entry></feed>""");
    same(atom.wants().get("link").shown(), "http://example.org/blog/post/1");
    same(atom.wants().get("author").shown(), "Feed Author");
    same(atom.wants().get("rights").shown(), "CC BY");
    same(atom.wants().get("date").shown(), "2024-01-01T04:30:00Z; 2024-01-02T00:00:00Z");
    same(atom.wants().get("categories").shown(), "t1 | Topic");
    same(atom.wants().get("content").shown(), "Body");
    same("" + Expect.met(atom.wants().get("categories"), List.of("Topic")), "true");
    same("" + Expect.met(new Expect.Want("id", Expect.Rule.ID, List.of(List.of("abc-1"))), List.of("urn:taar:abc-1")), "true");
    same("" + Expect.met(new Expect.Want("id", Expect.Rule.ID, List.of(List.of("http://x.org/1"))), List.of("urn:taar:http://x.org/1")), "false");
  }

  private static Expect.Item one(String xml) throws Exception {
    Path f = Files.createTempFile("fidelity-check", ".xml");
    try {
      Files.writeString(f, xml);
      List<Expect.Item> items = FeedReader.read(f).items();
      if (items.size() != 1) throw new IllegalStateException("self-check: expected one item, read " + items.size());
      return items.get(0);
    } finally {
      Files.deleteIfExists(f);
    }
  }

  private static void same(String got, String want) {
    if (!got.equals(want)) throw new IllegalStateException("self-check of the bench's reader failed: got «" + got + "», want «" + want + "»");
  }
}
