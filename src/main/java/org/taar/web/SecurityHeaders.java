package org.taar.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.taar.text.Digest;

/**
 * The headers every answer carries, pages, feeds, API JSON and error pages alike, encoded once at
 * start. The Content-Security-Policy lets scripts run only from this site and the inline scripts
 * the templates themselves wrote, named by their SHA-256 (so a script smuggled into a story body
 * never runs); images may come from any https host, because story bodies hotlink agency pictures,
 * and old bodies' http: images are upgraded rather than shown as mixed content.
 */
public final class SecurityHeaders {
    /** A script element the browser would run: no type, or a JavaScript one (JSON-LD is data, not code). */
    private static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script(?:\\s+type=\"(?:text/javascript|module)\")?>(.*?)</script>", Pattern.DOTALL);

    private final List<HttpField> fields;
    private final String policy;

    private SecurityHeaders(String policy) {
        this.policy = policy;
        this.fields = List.of(
                new PreEncodedHttpField("Content-Security-Policy", policy),
                new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
                new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"),
                new PreEncodedHttpField("X-Frame-Options", "DENY"));
    }

    /** The headers for a site whose templates wrote these pages (their inline scripts are allowed by hash). */
    public static SecurityHeaders forPages(List<String> html) {
        Set<String> hashes = new LinkedHashSet<>();
        for (String page : html) {
            Matcher m = INLINE_SCRIPT.matcher(page);
            while (m.find()) hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        List<String> scripts = new ArrayList<>(List.of("'self'"));
        scripts.addAll(hashes);
        String policy = "default-src 'self'; script-src " + String.join(" ", scripts)
                + "; style-src 'self'; img-src 'self' https: data:; media-src 'self' https:; connect-src 'self'"
                + "; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
                + "; upgrade-insecure-requests";
        return new SecurityHeaders(policy);
    }

    /** Puts every header on a response (replacing any of the same name). */
    public void apply(HttpFields.Mutable headers) {
        for (HttpField f : fields) headers.put(f);
    }

    public String policy() {
        return policy;
    }

    static String sha256(String script) {
        return Digest.sha256Base64(script);
    }
}
