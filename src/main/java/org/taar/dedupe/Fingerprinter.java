package org.taar.dedupe;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.taar.item.NewsItem;
import org.taar.text.Digest;

/** Turns a story's headline and body into its {@link Fingerprint}: pure and deterministic. */
public final class Fingerprinter {
    /**
     * Fewer distinct shingles than this (a flash of a dozen words) is matched only as an exact
     * copy: two short items share a large part of their few shingles by chance.
     */
    public static final int MIN_SHINGLES = 12;
    /** A body of fewer words than this is hashed together with the headline, so two "photo only" items differ. */
    static final int MIN_BODY_WORDS = 8;

    private final FingerprintText text;
    private final Shingles shingles;
    private final MinHash minHash;

    public Fingerprinter(FingerprintText text, Shingles shingles, MinHash minHash) {
        this.text = text;
        this.shingles = shingles;
        this.minHash = minHash;
    }

    public Fingerprinter() {
        this(new FingerprintText(), Shingles.DEFAULT, MinHash.DEFAULT);
    }

    public MinHash minHash() {
        return minHash;
    }

    public Fingerprint of(NewsItem item) {
        return of(item.headline(), plainText(item.bodyHtml()));
    }

    /** {@code body} is plain text, paragraphs on their own lines (the dateline opens the first). */
    public Fingerprint of(String headline, String body) {
        String h = text.normalize(headline);
        String b = text.normalize(body);
        int bodyWords = b.isEmpty() ? 0 : b.split(" ").length;
        String hashed = bodyWords >= MIN_BODY_WORDS ? b : (h + "\n" + b);
        String all = b.isEmpty() ? h : h.isEmpty() ? b : h + " " + b;
        long[] set = shingles.of(all);
        return new Fingerprint(sha256(hashed), set.length, minHash.signature(set));
    }

    // Parsed once: a CSS query given as a string is parsed again on every call, for every block.
    private static final Evaluator BLOCKS = QueryParser.parse("p, li, h1, h2, h3, h4, h5, h6, blockquote, td");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p, li");

    /** Paragraph texts, one per line, so the dateline is recognisable at the start of the first. */
    static String plainText(String html) {
        if (html == null || html.isBlank()) return "";
        var body = Jsoup.parseBodyFragment(html).body();
        StringBuilder sb = new StringBuilder();
        var blocks = body.select(BLOCKS);
        if (blocks.isEmpty()) return body.text();
        for (Element e : blocks) {
            if (!e.select(PARAGRAPHS).isEmpty() && !e.is(PARAGRAPHS)) continue;   // its own paragraphs are listed
            String t = e.text();
            if (!t.isBlank()) sb.append(t).append('\n');
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        return Digest.sha256Hex(s);
    }
}
