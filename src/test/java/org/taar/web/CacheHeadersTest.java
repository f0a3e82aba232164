package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;
import org.taar.site.Page;

class CacheHeadersTest {
    private static HttpFields.Mutable headersOf(Page page) {
        HttpFields.Mutable h = HttpFields.build();
        CacheHeaders.page(h, page, page.gzipEtag());
        return h;
    }

    @Test
    void aPageMayBeServedStaleAnErrorOnlyBrieflyAndAPageMayNameItsOwn() {
        HttpFields.Mutable ok = headersOf(Page.html(200, "<p>ok</p>").withSurrogateKeys("story-1 home"));
        assertThat(ok.get("Cache-Control")).isEqualTo("public, max-age=30, stale-while-revalidate=300");
        assertThat(ok.get("Vary")).isEqualTo("Accept-Encoding");
        assertThat(ok.get("Surrogate-Key")).isEqualTo("story-1 home");
        assertThat(ok.get("ETag")).endsWith("-gz\"");
        HttpFields.Mutable gone = headersOf(Page.html(410, "gone"));
        assertThat(gone.get("Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(gone.get("Surrogate-Key")).as("no keys, no header").isNull();
        assertThat(headersOf(Page.html(200, "x").withCacheControl("no-cache")).get("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void ifNoneMatchTakesListsStarAndWeakTags() {
        assertThat(CacheHeaders.matches(List.of("\"a\""), "\"a\"")).isTrue();
        assertThat(CacheHeaders.matches(List.of("\"x\", \"a\""), "\"a\"")).isTrue();
        assertThat(CacheHeaders.matches(List.of("\"x\"", "\"a\""), "\"a\"")).isTrue();
        assertThat(CacheHeaders.matches(List.of("*"), "\"a\"")).isTrue();
        assertThat(CacheHeaders.matches(List.of("W/\"a\""), "\"a\"")).isTrue();
        assertThat(CacheHeaders.matches(List.of("\"a-gz\""), "\"a\"")).isFalse();
        assertThat(CacheHeaders.matches(List.of(), "\"a\"")).isFalse();
    }

    @Test
    void onlyAWholePageIsNotModified() {
        Page page = Page.html(200, "x");
        assertThat(CacheHeaders.notModified(page, List.of(page.etag()), page.etag())).isTrue();
        Page missing = Page.html(404, "x");
        assertThat(CacheHeaders.notModified(missing, List.of("*"), missing.etag())).isFalse();
    }
}
