import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Text folding, HTML-to-text and date reading written for the measurement, apart from Taar's own helpers. */
final class Norm {
  private Norm() {}

  /** NFC, every run of white space (no-break spaces included) as one space, trimmed. */
  static String fold(String s) {
    if (s == null) return "";
    String t = Normalizer.normalize(s, Normalizer.Form.NFC);
    return t.replaceAll("[\\s\\u00a0\\u2007\\u202f\\u200b\\ufeff]+", " ").trim();
  }

  /** The reader's text of an HTML fragment: tags gone, entities decoded, scripts and styles dropped. */
  static String htmlText(String html) {
    if (html == null || html.isBlank()) return "";
    return fold(Jsoup.parseBodyFragment(html).body().text());
  }

  /** The text of a body in markup: NITF's body.content when it is NITF, else the whole as HTML. */
  static String markupText(String markup) {
    if (markup == null || markup.isBlank()) return "";
    if (markup.contains("<body.content")) {
      org.jsoup.nodes.Element content = Jsoup.parse(markup, "", org.jsoup.parser.Parser.xmlParser()).selectFirst("body\\.content");
      if (content != null) return htmlText(content.html());
    }
    return htmlText(markup);
  }

  /** The first n code points of folded text: what "starts with the same text" compares. */
  static String start(String folded, int n) {
    if (folded.codePointCount(0, folded.length()) <= n) return folded;
    return folded.substring(0, folded.offsetByCodePoints(0, n));
  }

  // RFC 822/1123 as feeds write it: weekday optional, 2- or 4-digit year, seconds optional, a zone
  // name, a numeric offset or none (read as UTC, as feedparser does).
  private static final Pattern RFC822 = Pattern.compile(
      "(?:[A-Za-z]{2,9},?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
          + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5})?\\s*(?:\\(.*\\))?");
  // ISO 8601 / W3C-DTF, extended or basic (NewsML 1 writes 20130605T210000+0000); no zone is UTC.
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-?(\\d{2})?-?(\\d{2})?(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
      Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
      Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

  /** The instant a feed or agency date names, to the second; empty when the bench cannot read it. */
  static Optional<Instant> date(String raw) {
    String s = fold(raw);
    if (s.isEmpty()) return Optional.empty();
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches() && (m.group(2) != null || m.group(4) == null)) return Optional.of(iso(m));
      m = RFC822.matcher(s);
      if (m.matches()) return rfc822(m);
    } catch (RuntimeException e) {
      return Optional.empty(); // a day 31 of February and the like
    }
    return Optional.empty();
  }

  private static Instant iso(Matcher m) {
    LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    LocalDateTime t = m.group(4) == null ? day.atStartOfDay()
        : day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    String z = m.group(7);
    ZoneOffset off = z == null || z.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(z.length() == 3 ? z + ":00" : z.replaceFirst("(\\d{2}):?(\\d{2})$", "$1:$2"));
    return t.toInstant(off);
  }

  private static Optional<Instant> rfc822(Matcher m) {
    int month = -1;
    String mon = m.group(2).toLowerCase(Locale.ROOT);
    for (int i = 0; i < 12; i++) if (mon.startsWith(MONTHS[i])) month = i + 1;
    if (month < 0) return Optional.empty();
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) year += year < 50 ? 2000 : 1900; // RFC 2822, section 4.3
    LocalDateTime t = LocalDate.of(year, month, Integer.parseInt(m.group(1))).atTime(
        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    String z = m.group(7);
    int offsetMinutes;
    if (z == null) offsetMinutes = 0;
    else if (z.startsWith("+") || z.startsWith("-")) {
      String d = z.replace(":", "");
      offsetMinutes = (z.startsWith("-") ? -1 : 1) * (Integer.parseInt(d.substring(1, 3)) * 60 + Integer.parseInt(d.substring(3, 5)));
    } else if (ZONES.containsKey(z.toUpperCase(Locale.ROOT))) offsetMinutes = ZONES.get(z.toUpperCase(Locale.ROOT)) * 60;
    else if (z.length() == 1) offsetMinutes = 0; // military zones: RFC 2822 says read them as -0000
    else return Optional.empty(); // IST, CEST...: ambiguous, no expectation
    return Optional.of(t.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
  }

  /** A date as the bench compares it: the instant to the second, in UTC. */
  static String instant(Instant i) {
    return i.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The name in an RSS author: "jo@x.org (Jo Name)" and "Jo Name <jo@x.org>" give "Jo Name". */
  static String personName(String raw) {
    String s = fold(raw);
    Matcher m = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$").matcher(s);
    if (m.matches()) return fold(m.group(1));
    m = Pattern.compile("^(.+?)\\s*<[^>]*@[^>]*>$").matcher(s);
    if (m.matches()) return fold(m.group(1).replaceAll("^\"|\"$", ""));
    return s;
  }

  static boolean isWebUrl(String s) {
    return s != null && s.matches("(?i)https?://[^\\s]+");
  }
}
