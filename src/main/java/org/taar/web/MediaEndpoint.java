package org.taar.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.media.MediaFiles;
import org.taar.site.MediaLookups;
import org.taar.site.MediaViews;
import org.taar.site.Page;
import org.taar.store.MediaReads.Lookup;
import org.taar.store.MediaReads.Served;
import org.taar.store.MediaReads.Verdict;

/**
 * Pictures, video and audio at content-hashed addresses: {@code /media/SHA.EXT} is one rendition's
 * bytes, for ever (immutable caching, the digest as a strong ETag); {@code /media/SHA/NAME} is the
 * NAME rendition (w640, og, ...) of the picture whose rendition has digest SHA, in WebP to a browser
 * that accepts it and JPEG to others ({@code Vary: Accept}). Small renditions are kept in memory
 * within a budget of their own ({@link HotRenditions}), larger ones streamed from DATA/media/, never
 * read whole and never through the page cache; a single range is answered (206, 416) so
 * that video and audio can seek. A killed story's, a withdrawn or an unlicensed picture answers
 * 410 with the site's short notice; anything else not ours, malformed addresses included, 404.
 */
public final class MediaEndpoint {
    private static final Logger log = LoggerFactory.getLogger(MediaEndpoint.class);
    private static final Pattern FILE = Pattern.compile("/media/([0-9a-f]{64})\\.([a-z0-9]{2,5})");
    private static final Pattern NAMED = Pattern.compile("/media/([0-9a-f]{64})/(w320|w640|w1024|w1600|og|r16x9|r4x3|r1x1)");
    private static final HttpField IMMUTABLE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            "public, max-age=31536000, immutable");
    private static final HttpField BYTES = new PreEncodedHttpField(HttpHeader.ACCEPT_RANGES, "bytes");
    private static final int CHUNK = 32 * 1024;
    private static final HttpField VARY_ACCEPT = new PreEncodedHttpField(HttpHeader.VARY, "Accept");

    private final MediaLookups media;
    private final MediaFiles files;
    private final Page gone;
    // 64 MB of pictures up to 512 KB each: a page's worth of thumbnails and leads for a busy hour.
    private final HotRenditions hot = new HotRenditions(64L << 20, 512L << 10);

    /** @param gone the notice a killed story answers with; a withdrawn picture answers the same */
    public MediaEndpoint(MediaLookups media, MediaFiles files, Page gone) {
        this.media = media;
        this.files = files;
        this.gone = gone;
    }

    static boolean matches(String path) {
        return path.startsWith(MediaViews.PREFIX);
    }

    void handle(Request request, Response response, Callback callback, String path) {
        Matcher file = FILE.matcher(path);
        if (file.matches()) {
            Lookup found = media.bySha256(file.group(1));
            // The extension must be the rendition's own: one set of bytes has one address.
            if (found.verdict() != Verdict.MISSING && !MediaViews.extension(found.rendition().format()).equals(file.group(2))) {
                notFound(request, response, callback);
            } else {
                answer(request, response, callback, found, Optional.ofNullable(found.rendition()), false);
            }
            return;
        }
        Matcher named = NAMED.matcher(path);
        if (named.matches()) {
            Lookup found = media.bySha256(named.group(1));
            Optional<Served> chosen = Optional.empty();
            if (found.verdict() == Verdict.SERVE) {
                String name = named.group(2);
                if (acceptsWebp(request.getHeaders().getValuesList(HttpHeader.ACCEPT))) {
                    chosen = media.rendition(found.mediaId(), name, "webp");
                }
                if (chosen.isEmpty()) chosen = media.rendition(found.mediaId(), name, "jpeg");
            }
            answer(request, response, callback, found, chosen, true);
            return;
        }
        notFound(request, response, callback);
    }

    private void answer(Request request, Response response, Callback callback, Lookup found, Optional<Served> rendition,
                        boolean negotiated) {
        switch (found.verdict()) {
            case GONE -> Responses.page(request, response, callback, gone.withSurrogateKeys(found.surrogateKeys()));
            case MISSING -> notFound(request, response, callback);
            case SERVE -> {
                if (rendition.isEmpty()) notFound(request, response, callback);
                else stream(request, response, callback, rendition.get(), found.surrogateKeys(), negotiated);
            }
        }
    }

    private void stream(Request request, Response response, Callback callback, Served r, String keys, boolean negotiated) {
        Path file = files.pathOf(r.sha256());
        long size;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) throw new IOException("not a regular file");
            size = a.size();
        } catch (IOException e) {
            // A row without its file: the store and DATA/media/ disagree, which an operator must hear of.
            log.warn("rendition {} is in the store but its file is missing: {}", r.sha256(), e.toString());
            notFound(request, response, callback);
            return;
        }
        var h = response.getHeaders();
        String etag = "\"" + r.sha256() + "\"";
        h.put(HttpHeader.CONTENT_TYPE, r.contentType());
        h.put(HttpHeader.ETAG, etag);
        h.put(IMMUTABLE);
        h.put(BYTES);
        if (negotiated) h.put(VARY_ACCEPT);
        if (!keys.isEmpty()) h.put(CacheHeaders.SURROGATE_KEY, keys);
        if (CacheHeaders.matches(request.getHeaders().getValuesList(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        String ifRange = request.getHeaders().get(HttpHeader.IF_RANGE);
        ByteRange range = ifRange == null || ifRange.strip().equals(etag)
                ? ByteRange.of(request.getHeaders().get(HttpHeader.RANGE), size) : null;
        if (range == ByteRange.UNSATISFIABLE) {
            response.setStatus(416);
            h.put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
            h.put(HttpHeader.CONTENT_LENGTH, 0);
            callback.succeeded();
            return;
        }
        long offset = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        if (range != null) {
            response.setStatus(206);
            h.put(HttpHeader.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
        } else {
            response.setStatus(200);
        }
        h.put(HttpHeader.CONTENT_LENGTH, length);
        if (request.getMethod().equals("HEAD") || length == 0) {
            callback.succeeded();
            return;
        }
        ByteBuffer kept;
        try {
            kept = hot.get(r.sha256(), file, size);
        } catch (IOException e) {
            kept = null;
        }
        if (kept != null) {
            response.write(true, kept.slice((int) offset, (int) length), callback);
            return;
        }
        // Larger files (video, audio) are read in 32 KB direct buffers from the server's pool: a file
        // is never held whole, and a slow reader holds one buffer, not the file.
        var buffers = new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true, CHUNK);
        Content.copy(Content.Source.from(buffers, file, offset, length), response, callback);
    }

    /** Whether the Accept header names image/webp with a quality above zero (a wildcard is not enough: old browsers send it). */
    static boolean acceptsWebp(List<String> accept) {
        for (String line : accept) {
            for (String range : line.split(",")) {
                String[] parts = range.split(";");
                if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("image/webp")) continue;
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip().toLowerCase(Locale.ROOT);
                    if (p.startsWith("q=")) refused = p.substring(2).strip().matches("0(\\.0{0,3})?");
                }
                if (!refused) return true;
            }
        }
        return false;
    }

    private static void notFound(Request request, Response response, Callback callback) {
        Responses.page(request, response, callback, Responses.errorPage(404));
    }
}
