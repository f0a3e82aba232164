package org.taar.web.desk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the desk needs one, over real HTTP: it keeps cookies, never follows
 * redirects by itself (tests look at them), posts forms and reads CSRF tokens out of pages.
 */
public final class DeskClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    /** Cookie name to value, as the server last set them. */
    public final Map<String, String> cookies = new LinkedHashMap<>();

    public DeskClient(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form; values are form-encoded as a browser would. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return post(path, form, Map.of());
    }

    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b);
    }

    /** Signs in through the form, as a person would; returns the answer to the form's post. */
    public HttpResponse<String> signIn(String name, String password) throws Exception {
        HttpResponse<String> form = get("/desk/login");
        return post("/desk/login", Map.of("csrf", csrf(form.body()), "username", name, "password", password));
    }

    /** Signs in and fails the test unless it worked. */
    public DeskClient signedIn(String name, String password) throws Exception {
        HttpResponse<String> r = signIn(name, password);
        if (r.statusCode() != 303) throw new AssertionError("sign-in of " + name + " answered " + r.statusCode() + ": " + r.body());
        return this;
    }

    /** The CSRF token a page's forms carry. */
    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new AssertionError("no CSRF token in the page");
        return m.group(1);
    }

    /** The CSRF token of a signed-in page ({@code /desk/} by default). */
    public String csrf() throws Exception {
        return csrf(get("/desk/").body());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq), value = pair.substring(eq + 1);
            boolean expired = set.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) cookies.remove(name);
            else cookies.put(name, value);
        }
        return r;
    }

    /** The Set-Cookie header for a cookie name in a response, or null. */
    public static String setCookie(HttpResponse<?> r, String name) {
        List<String> all = r.headers().allValues("Set-Cookie");
        return all.stream().filter(s -> s.startsWith(name + "=")).findFirst().orElse(null);
    }
}
