package org.taar.web.desk;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.taar.App;
import org.taar.config.Config;

/** A served App with one admin, one editor and one viewer, for the desk's page tests over real HTTP. */
final class DeskSite implements AutoCloseable {
    static final String PASSWORD = "a long enough password";
    final App app;
    final String base;

    DeskSite(Config config, Clock clock) throws Exception {
        app = new App(config, clock);
        for (String[] u : new String[][] {{"root", "admin"}, {"meera", "editor"}, {"ravi", "viewer"}}) {
            String refused = app.accounts.add(u[0], u[1], PASSWORD);
            if (refused != null) throw new AssertionError(refused);
        }
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    DeskClient admin() throws Exception {
        return new DeskClient(base).signedIn("root", PASSWORD);
    }

    DeskClient editor() throws Exception {
        return new DeskClient(base).signedIn("meera", PASSWORD);
    }

    DeskClient viewer() throws Exception {
        return new DeskClient(base).signedIn("ravi", PASSWORD);
    }

    /** Posts a form as signed-in {@code who}, with the CSRF token of their session. */
    static HttpResponse<String> post(DeskClient who, String path, String... fields) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("csrf", who.csrf());
        for (int i = 0; i < fields.length; i += 2) form.put(fields[i], fields[i + 1]);
        return who.post(path, form);
    }

    /** Posts a form without a CSRF token (another site's form, say). */
    static HttpResponse<String> postWithoutCsrf(DeskClient who, String path, String... fields) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) form.put(fields[i], fields[i + 1]);
        return who.post(path, form);
    }

    int count(String sql) {
        return app.store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        app.close();
    }
}
