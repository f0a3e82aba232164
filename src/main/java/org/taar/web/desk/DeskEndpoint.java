package org.taar.web.desk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.desk.DeskAccess;
import org.taar.desk.DeskSession;
import org.taar.desk.DeskText;
import org.taar.web.ClientAddress;
import org.taar.web.RequestBody;

/**
 * Every path under {@code /desk}: who asks (the session cookie), whether their role may, whether a
 * form carries its CSRF token, then the page's own handler. Every answer is {@code no-store} with a
 * Content-Security-Policy that runs only the desk's own script file, and never touches the public
 * page cache: desk pages are rendered for the person asking.
 */
public final class DeskEndpoint {
    private static final Logger log = LoggerFactory.getLogger(DeskEndpoint.class);
    static final String SESSION_COOKIE = "taar_desk";
    static final String LANGUAGE_COOKIE = "taar_desk_lang";
    /** Forms are small; an edited body is the largest thing posted. */
    static final int MAX_FORM = 2 * 1024 * 1024;
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:"
            + "; media-src 'self' https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'"
            + "; form-action 'self'; frame-ancestors 'none'";
    private static final List<HttpField> HEADERS = List.of(
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store"),
            new PreEncodedHttpField("Content-Security-Policy", POLICY),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField("Referrer-Policy", "same-origin"),
            new PreEncodedHttpField("X-Frame-Options", "DENY"),
            new PreEncodedHttpField("X-Robots-Tag", "noindex, nofollow"));
    private static final Map<String, String> STATIC = Map.of(
            "/desk/static/desk.css", "text/css; charset=utf-8",
            "/desk/static/desk.js", "text/javascript; charset=utf-8");

    private final DeskAccess access;
    private final DeskPages pages;
    private final ClientAddress clientAddress;
    private final Duration bodyDeadline;
    private final List<DeskRoute> routes;

    public DeskEndpoint(DeskAccess access, DeskPages pages, ClientAddress clientAddress, Duration bodyDeadline,
                        List<DeskRoute> routes) {
        this.access = access;
        this.pages = pages;
        this.clientAddress = clientAddress;
        this.bodyDeadline = bodyDeadline;
        this.routes = List.copyOf(routes);
    }

    public static boolean matches(String path) {
        return path.equals("/desk") || path.startsWith("/desk/");
    }

    public void handle(Request request, Response response, Callback callback, String path) {
        for (HttpField f : HEADERS) response.getHeaders().put(f);
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        if (path.equals("/desk")) {
            redirect(response, callback, "/desk/");
            return;
        }
        if (STATIC.containsKey(path) && method.equals("GET")) {
            file(request, response, callback, path);
            return;
        }
        DeskText text = DeskText.of(language(request));
        String address = clientAddress.of(request);
        DeskSession who = access.session(cookie(request, SESSION_COOKIE)).orElse(null);
        Matcher matched = null;
        DeskRoute route = null;
        List<String> allowed = new ArrayList<>();
        for (DeskRoute r : routes) {
            Matcher m = r.path().matcher(path);
            if (!m.matches()) continue;
            allowed.add(r.method());
            if (r.method().equals(method)) {
                route = r;
                matched = m;
                break;
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) send(request, response, callback, pages.message(404, who, text, "error.notfound",
                    text.get("error.notfound.text")));
            else {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
                send(request, response, callback, pages.message(405, who, text, "error.bad", "method not allowed"));
            }
            return;
        }
        if (route.needed() != null && who == null) {
            if (method.equals("GET")) {
                String next = request.getHttpURI().getPathQuery();
                redirect(response, callback, "/desk/login" + (next.equals("/desk/") ? ""
                        : "?next=" + UrlEncoded.encodeString(next)));
            } else {
                // Answered before the form is read: the connection closes, so a client does not reuse it.
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                send(request, response, callback, pages.message(403, null, text, "error.forbidden",
                        text.get("error.csrf")));
            }
            return;
        }
        if (route.needed() != null && !who.mayDo(route.needed())) {
            log.warn("desk refused user={} role={} path={} needs={}", who.name(), who.role().label(), path,
                    route.needed().label());
            if (method.equals("POST")) response.getHeaders().put(HttpHeader.CONNECTION, "close");
            send(request, response, callback, pages.message(403, who, text, "error.forbidden",
                    text.get("error.forbidden.role", text.get("role." + who.role().label()))));
            return;
        }
        Fields query = new Fields();
        String rawQuery = request.getHttpURI().getQuery();
        if (rawQuery != null) decode(rawQuery, query);
        DeskRoute chosen = route;
        Matcher groups = matched;
        if (!method.equals("POST")) {
            run(request, response, callback, chosen, new DeskRequest(request, who, groups, query, null, text, address));
            return;
        }
        RequestBody.read(request, response, callback, MAX_FORM, bodyDeadline, body -> {
            Fields form = new Fields();
            if (!decode(new String(body, StandardCharsets.UTF_8), form)) {
                send(request, response, callback, pages.message(400, who, text, "error.bad", "the form could not be read"));
                return;
            }
            // The sign-in form has no session yet: it carries its own token (SignInPages checks it).
            if (chosen.needed() != null && !DeskAccess.csrfMatches(who, form.getValue("csrf"))) {
                log.warn("desk form refused (CSRF) user={} path={}", who.name(), path);
                send(request, response, callback, pages.message(403, who, text, "error.forbidden", text.get("error.csrf")));
                return;
            }
            run(request, response, callback, chosen, new DeskRequest(request, who, groups, query, form, text, address));
        });
    }

    private void run(Request request, Response response, Callback callback, DeskRoute route, DeskRequest rq) {
        DeskAnswer answer;
        try {
            answer = route.handler().handle(rq);
        } catch (Exception e) {
            log.error("desk page failed path={}: {}", request.getHttpURI().getPath(), e.toString(), e);
            answer = pages.message(500, rq.who(), rq.text(), "error.bad", "internal error; see the server log");
        }
        send(request, response, callback, answer);
    }

    private void send(Request request, Response response, Callback callback, DeskAnswer answer) {
        if (answer instanceof DeskAnswer.Redirect r) {
            redirect(response, callback, r.location());
        } else if (answer instanceof DeskAnswer.Html h) {
            write(request, response, callback, h.status(), "text/html; charset=utf-8",
                    h.html().getBytes(StandardCharsets.UTF_8));
        } else if (answer instanceof DeskAnswer.File f) {
            if (f.filename() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + f.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            }
            write(request, response, callback, 200, f.contentType(), f.body());
        } else if (answer instanceof DeskAnswer.WithCookies c) {
            for (HttpCookie cookie : c.cookies()) Response.addCookie(response, cookie);
            send(request, response, callback, c.answer());
        }
    }

    private static void write(Request request, Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (request.getMethod().equals("HEAD")) {
            callback.succeeded();
            return;
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void redirect(Response response, Callback callback, String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        callback.succeeded();
    }

    private static void file(Request request, Response response, Callback callback, String path) {
        String resource = path.substring("/desk/static".length());
        try (InputStream in = DeskEndpoint.class.getResourceAsStream("/desk" + resource)) {
            if (in == null) throw new IOException("missing " + resource);
            write(request, response, callback, 200, STATIC.get(path), in.readAllBytes());
        } catch (IOException e) {
            Response.writeError(request, response, callback, 500, e.getMessage());
        }
    }

    /** False when the text is not a well-formed form (bad percent escapes, bad UTF-8). */
    private static boolean decode(String text, Fields into) {
        try {
            UrlEncoded.decodeUtf8To(text, into);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String cookie(Request request, String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name)) return c.getValue();
        }
        return null;
    }

    static String language(Request request) {
        String chosen = cookie(request, LANGUAGE_COOKIE);
        if (chosen != null && DeskText.LANGUAGES.contains(chosen)) return chosen;
        String accept = Optional.ofNullable(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)).orElse("");
        return accept.toLowerCase(java.util.Locale.ROOT).startsWith("hi") ? "hi" : "en";
    }

    /** Whether the browser reached us over HTTPS, directly or through a proxy that says so. */
    static boolean secure(Request request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
