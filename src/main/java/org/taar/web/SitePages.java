package org.taar.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.taar.site.OnDemand;
import org.taar.site.Page;
import org.taar.site.PageCache;
import org.taar.site.ListingPages;
import org.taar.story.Meters;

/**
 * Every path no other route claims is a page of the site: from the page cache, else rendered on
 * demand (evicted articles, deep listing pages, tag aliases, which may redirect), else the section
 * page it lacks a slash for, else the 404 page. A reader's request is a lookup and a buffer write.
 */
public final class SitePages {
    private static final String BAD_REQUEST = "\0bad-request";

    private final PageCache cache;
    private final OnDemand onDemand;
    private final Meters meters;

    public SitePages(PageCache cache, OnDemand onDemand) {
        this(cache, onDemand, Meters.NONE);
    }

    /** @param meters told whether each page came from the cache (a miss is rendered, redirected or 404) */
    public SitePages(PageCache cache, OnDemand onDemand, Meters meters) {
        this.cache = cache;
        this.onDemand = onDemand;
        this.meters = meters;
    }

    void handle(Request request, Response response, Callback callback, String path) {
        String key = cacheKey(request, path);
        if (key.equals(BAD_REQUEST)) {
            Responses.page(request, response, callback, Responses.errorPage(400));
            return;
        }
        Optional<Page> page = cache.get(key);
        meters.pageAsked(page.isPresent());
        if (page.isPresent()) {
            Responses.page(request, response, callback, page.get());
            return;
        }
        Optional<OnDemand.Answer> answer = onDemand.find(key);
        if (answer.isPresent() && answer.get().location() != null) {
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, answer.get().location());
            CacheHeaders.redirect(response.getHeaders());
            callback.succeeded();
            return;
        }
        if (answer.isPresent()) {
            Responses.page(request, response, callback, answer.get().page());
            return;
        }
        // "/sports" means the section page "/sports/".
        if (!path.endsWith("/") && cache.get(path + "/").isPresent()) {
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, path + "/");
            callback.succeeded();
            return;
        }
        Responses.page(request, response, callback, cache.get("/404").orElseGet(() -> Page.html(404, "Not found")));
    }

    /**
     * The page cache key of a request. Only listings (paths ending in "/") take {@code ?page=N},
     * N a whole number from 1; any other value of page is the 404 page, not page 1. Every other
     * query string, and any on an article, is ignored.
     */
    static String cacheKey(Request request, String path) {
        if (request.getHttpURI().getQuery() == null || !path.endsWith("/")) return path;
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return BAD_REQUEST;  // broken percent-encoding or bad UTF-8 in the query
        }
        return listingKey(path, query.getValue("page"));
    }

    /** The key of listing {@code path} at the {@code ?page=} value given (null when none). */
    static String listingKey(String path, String page) {
        if (page == null) return path;
        if (!page.matches("[0-9]{1,9}")) return "/404";
        int n = Integer.parseInt(page);
        return n < 1 ? "/404" : ListingPages.listingKey(path, n);
    }
}
