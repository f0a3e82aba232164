package org.taar.web.desk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.store.AuditLog;
import org.taar.story.Outcome;
import org.taar.story.Story;

/** A served App with an editor and a viewer signed in, and the story page's forms as a browser posts them. */
final class StoryDesk implements AutoCloseable {
    private static final Pattern SEEN = Pattern.compile("name=\"seen\" value=\"([^\"]+)\"");
    final App app;
    final String base;
    final DeskClient editor;
    final DeskClient viewer;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StoryDesk(App app, String base) throws Exception {
        this.app = app;
        this.base = base;
        this.editor = new DeskClient(base).signedIn("asha", "correct horse battery");
        this.viewer = new DeskClient(base).signedIn("vik", "staple battery horse");
    }

    static StoryDesk start(String engine, Path dir, Clock clock) throws Exception {
        App app = new App(TestEngines.config(engine, dir), clock);
        try {
            if (app.accounts.add("asha", "editor", "correct horse battery") != null
                    || app.accounts.add("vik", "viewer", "staple battery horse") != null) {
                throw new AssertionError("users not added");
            }
            return new StoryDesk(app, "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false));
        } catch (Exception | AssertionError e) {
            app.close();
            throw e;
        }
    }

    /** Delivers one story as source ians; its id. */
    long deliver(byte[] content) {
        Outcome o = Fixtures.publish(app, content);
        return Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
    }

    /** A story a rule holds (profanity in the headline). */
    long held(String uri) {
        return deliver(Fixtures.wire(uri, 1, null, "विधायक बोले- सब चूतिया हैं, वीडियो वायरल", "देश"));
    }

    HttpResponse<String> page(DeskClient who, long id) throws Exception {
        return who.get("/desk/stories/" + id);
    }

    static String seen(String page) {
        Matcher m = SEEN.matcher(page);
        if (!m.find()) throw new AssertionError("no seen token in the page");
        return m.group(1);
    }

    /** Opens the story page as {@code who} would and posts the action's form from it. */
    HttpResponse<String> act(DeskClient who, long id, String action, Map<String, String> fields) throws Exception {
        String page = page(editor, id).body();
        return post(who, id, action, DeskClient.csrf(page(who, id).body()), seen(page), fields);
    }

    HttpResponse<String> post(DeskClient who, long id, String action, String csrf, String seen,
                              Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) form.put("csrf", csrf);
        if (seen != null) form.put("seen", seen);
        return who.post("/desk/stories/" + id + "/" + action, form);
    }

    /** A public address as a reader gets it, once the publisher has applied every event so far. */
    HttpResponse<String> reader(String path) throws Exception {
        app.publisher.catchUp();
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    Story story(long id) {
        return app.stories.byId(id).orElseThrow();
    }

    List<AuditLog.AuditEntry> audit(long id) {
        return app.audit.auditTrail(id);
    }

    @Override
    public void close() {
        app.close();
    }
}
