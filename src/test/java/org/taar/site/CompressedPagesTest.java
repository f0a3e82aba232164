package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages kept compressed: what a client gets back in each encoding, and which encoding it gets. */
class CompressedPagesTest {
    private static final String HTML = "<!DOCTYPE html><html lang=\"hi\"><body>"
            + "<p>नई दिल्ली, 29 मई (आईएएनएस)। मानसून ने समय से पहले केरल में दस्तक दी।</p>".repeat(40) + "</body></html>";

    @Test
    void identityBytesAreExactlyWhatWasRendered() {
        Page page = Page.html(200, HTML);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(HTML);
        assertThat(page.length()).isEqualTo(HTML.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void brotliFormDecodesToTheSamePageAndWeighsLessThanIdentity() throws Exception {
        Page page = Page.html(200, HTML);
        assertThat(Compression.brotliAvailable()).as("brotli4j native library for linux-x86_64").isTrue();
        byte[] decoded = Decoder.decompress(page.brotli()).getDecompressedData();
        assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo(HTML);
        assertThat(page.weight()).isLessThan(page.length());
    }

    @Test
    void eachEncodingHasItsOwnEtag() {
        Page page = Page.html(200, HTML);
        assertThat(List.of(page.etag(), page.gzipEtag(), page.brotliEtag())).doesNotHaveDuplicates();
        assertThat(page.brotliEtag()).startsWith("\"").endsWith("-br\"");
    }

    @Test
    void stylesheetIsFingerprintedAndImmutable() {
        assertThat(Stylesheet.PATH).matches("/assets/site-[0-9a-f]{10}\\.css");
        Page css = Stylesheet.page();
        assertThat(css.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains(".skip{").contains(":focus-visible");
    }
}
