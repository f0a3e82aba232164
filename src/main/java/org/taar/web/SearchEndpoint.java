package org.taar.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.site.Page;
import org.taar.site.Renderer;
import org.taar.search.SearchIndex;
import org.taar.search.SearchQuery;
import org.taar.search.SearchResults;

/**
 * {@code GET /search?q=&section=&tag=&from=&to=&page=}: rendered per request from the search
 * index alone (never the store). Bad input answers a 400 page; from and to are dates
 * (YYYY-MM-DD, inclusive) in the site's time zone.
 */
public final class SearchEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SearchEndpoint.class);
    private static final int MAX_PARAM_CHARS = 100;

    private final SearchIndex index;
    private final Renderer renderer;
    private final ZoneId zone;

    public SearchEndpoint(SearchIndex index, Renderer renderer, ZoneId zone) {
        this.index = index;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** The page for a raw (still percent-encoded) query string, which may be null. */
    public Page page(String rawQuery) {
        Map<String, String> p;
        SearchQuery sq;
        try {
            p = params(rawQuery);
            sq = new SearchQuery(p.getOrDefault("q", ""), param(p, "section"), param(p, "tag"),
                    day(p.get("from"), 0), day(p.get("to"), 1), pageNumber(p.get("page")));
        } catch (IllegalArgumentException | DateTimeException e) {
            return bad(e.getMessage());
        }
        SearchResults results;
        try {
            results = index.search(sq);
        } catch (RuntimeException e) {
            // A query Lucene cannot run (too many clauses) is the reader's input, not our failure.
            log.warn("search failed q={}: {}", sq.q(), e.toString());
            return bad(renderer.labels().searchFailed());
        }
        Map<String, String> keep = new HashMap<>(p);
        return Page.html(200, renderer.search(sq.q(), results, null, n -> href(keep, n)));
    }

    private Page bad(String why) {
        return Page.html(400, renderer.search("", SearchResults.empty(), renderer.labels().searchBad() + why, n -> null));
    }

    static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        if (raw.length() > 4 * 1024) throw new IllegalArgumentException("query string too long");
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String param(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v != null && v.length() > MAX_PARAM_CHARS) throw new IllegalArgumentException(name + " too long");
        return v;
    }

    private static int pageNumber(String v) {
        if (v == null || v.isEmpty()) return 1;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page must be a number");
        }
    }

    private Instant day(String v, int plusDays) {
        if (v == null || v.isEmpty()) return null;
        if (v.length() > 10) throw new IllegalArgumentException("dates are YYYY-MM-DD");
        Instant start = LocalDate.parse(v).plusDays(plusDays).atStartOfDay(zone).toInstant();
        return plusDays == 0 ? start : start.minusMillis(1);
    }

    private static String href(Map<String, String> p, int page) {
        StringBuilder b = new StringBuilder("/search?");
        for (String k : new String[] {"q", "section", "tag", "from", "to"}) {
            String v = p.get(k);
            if (v != null && !v.isEmpty()) b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        }
        return b.append("page=").append(page).toString();
    }
}
