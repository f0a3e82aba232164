package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.desk.RuleChanges;
import org.taar.store.RuleStore;
import org.taar.story.Outcome;

/** The desk's rules page over HTTP, on each engine: dry run, save, refusals, roles, CSRF, markup as text. */
class DeskRulesTest {
    @TempDir Path dir;

    private static final String GOLD_HOLD =
            "{\"match\": {\"keywords\": [\"सोना\"]}, \"action\": \"hold\", \"reason\": \"prices checked by hand\"}";
    private static final Pattern SEEN = Pattern.compile("name=\"seen\" value=\"([^\"]+)\"");

    private App app(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), """
                rules:
                  - name: no-horoscopes
                    match: {regex: "राशिफल"}
                    action: discard
                """, StandardCharsets.UTF_8);
        App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
        assertThat(app.accounts.add("meera", "admin", "admin password here")).isNull();
        assertThat(app.accounts.add("asha", "editor", "editor password here")).isNull();
        assertThat(app.accounts.add("ravi", "viewer", "viewer password here")).isNull();
        return app;
    }

    private static String base(App app) throws Exception {
        return "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    private static Outcome receive(App app, String uri, String headline) {
        return Fixtures.publish(app, Fixtures.wire(uri, 1, null, headline, "देश"));
    }

    private static long id(Outcome o) {
        return Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
    }

    private static Map<String, String> form(String csrf, String... pairs) {
        Map<String, String> m = new HashMap<>();
        m.put("csrf", csrf);
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    private static String seen(String page) {
        Matcher m = SEEN.matcher(page);
        if (!m.find()) throw new AssertionError("no save form in the page:\n" + page);
        return m.group(1);
    }

    /** Previews a change, expects it to be saveable, and saves it as the page's save form would. */
    private static HttpResponse<String> previewAndSave(DeskClient admin, Map<String, String> change) throws Exception {
        HttpResponse<String> preview = admin.post("/desk/rules/preview", change);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        Map<String, String> save = new HashMap<>(change);
        save.put("seen", seen(preview.body()));
        return admin.post("/desk/rules/save", save);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAdminSeesWhatAChangeWouldDoSavesItOnceAndTheNextStoryFollowsIt(String engine) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(RuleChanges.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level was = logger.getLevel();
        logger.setLevel(Level.INFO);
        try (App app = app(engine)) {
            String base = base(app);
            Outcome gold = receive(app, "urn:dr:gold", "सोना फिर महंगा");
            receive(app, "urn:dr:rain", "दिल्ली में बारिश");
            DeskClient admin = new DeskClient(base).signedIn("meera", "admin password here");

            HttpResponse<String> page = admin.get("/desk/rules");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("From taar.yml").contains("no-horoscopes").contains("राशिफल")
                    .contains("No stored rules.").contains("action=\"/desk/rules/preview\"");
            String csrf = DeskClient.csrf(page.body());

            Map<String, String> add = form(csrf, "kind", "add", "name", "gold-hold", "definition", GOLD_HOLD, "n", "200");
            HttpResponse<String> preview = admin.post("/desk/rules/preview", add);
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("Add rule gold-hold").contains("publish → hold: 1")
                    .contains("Decided 2 of the last 200 stories both ways")
                    .contains("href=\"/desk/stories/" + id(gold) + "\"").contains("सोना फिर महंगा")
                    .contains("prices checked by hand").contains("rule default-publish").contains("rule gold-hold")
                    .doesNotContain("दिल्ली में बारिश");
            assertThat(app.ruleStore.list()).as("a preview saves nothing").isEmpty();

            Map<String, String> save = new HashMap<>(add);
            save.put("seen", seen(preview.body()));
            HttpResponse<String> saved = admin.post("/desk/rules/save", save);
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(saved.headers().firstValue("Location")).contains("/desk/rules?saved=add");
            assertThat(app.ruleStore.list()).containsExactly(new RuleStore.Entry("gold-hold", 1, GOLD_HOLD, true));

            // The same form sent again acts once: the rules it was made from are gone.
            HttpResponse<String> again = admin.post("/desk/rules/save", save);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("The rules changed since this dry run was made")
                    .contains("A stored rule already has this name").contains("id=\"name\" name=\"name\"");
            assertThat(app.ruleStore.list()).hasSize(1);

            // The live pipeline decides the next story with the saved rule.
            Outcome next = receive(app, "urn:dr:gold2", "सोना और महंगा");
            assertThat(next.status().label()).isEqualTo("held");
            assertThat(next.reason()).isEqualTo("prices checked by hand (rule gold-hold)");

            HttpResponse<String> after = admin.get("/desk/rules?saved=add");
            assertThat(after.body()).contains("The rule was added").contains("gold-hold").contains("prices checked by hand")
                    .contains("<td>meera</td>").contains("added");
            assertThat(app.ruleStore.changes(10)).singleElement().satisfies(c -> {
                assertThat(c.actor()).isEqualTo("meera");
                assertThat(c.rule()).isEqualTo("gold-hold");
                assertThat(c.what()).isEqualTo("add");
                assertThat(c.detail()).isEqualTo(GOLD_HOLD);
            });
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("routing rule gold-hold add by desk user meera");

            // An edit that makes the rule publish instead: the held stories would go back to publish.
            HttpResponse<String> edit = admin.post("/desk/rules/preview", form(csrf, "kind", "edit", "name", "gold-hold",
                    "definition", "{\"match\": {\"keywords\": [\"सोना\"]}, \"action\": \"publish\"}"));
            assertThat(edit.statusCode()).isEqualTo(200);
            assertThat(edit.body()).contains("hold → publish: 2");
            assertThat(app.ruleStore.list().get(0).definition()).isEqualTo(GOLD_HOLD);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(was);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aBadDefinitionShowsItsProblemAndSavesNothingAndMarkupShowsAsText(String engine) throws Exception {
        try (App app = app(engine)) {
            DeskClient admin = new DeskClient(base(app)).signedIn("meera", "admin password here");
            String csrf = DeskClient.csrf(admin.get("/desk/rules").body());

            HttpResponse<String> regex = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name", "<b>bold</b>",
                    "definition", "{\"match\": {\"regex\": \"(unclosed\"}, \"action\": \"hold\"}"));
            assertThat(regex.statusCode()).isEqualTo(422);
            assertThat(regex.body()).contains("rule &lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>")
                    .contains("The change is not saved").doesNotContain("action=\"/desk/rules/save\"")
                    .contains("(unclosed");
            HttpResponse<String> notJson = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name", "x",
                    "definition", "{\"action\": \"hold\""));
            assertThat(notJson.statusCode()).isEqualTo(422);
            assertThat(notJson.body()).contains("rule x: not JSON").contains("line 1");
            HttpResponse<String> wrongType = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name", "x",
                    "definition", "[1, 2, 3]"));
            assertThat(wrongType.statusCode()).isEqualTo(422);
            assertThat(wrongType.body()).contains("rule x");
            HttpResponse<String> huge = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name", "x",
                    "definition", "{\"reason\": \"" + "अ".repeat(70_000) + "\", \"action\": \"hold\"}"));
            assertThat(huge.statusCode()).isEqualTo(422);
            assertThat(huge.body()).contains("over 64 KB");
            HttpResponse<String> longName = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name",
                    "n".repeat(500), "definition", GOLD_HOLD));
            assertThat(longName.body()).contains("a name is at most 64 characters");
            HttpResponse<String> newline = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name",
                    "two\nlines", "definition", GOLD_HOLD));
            assertThat(newline.statusCode()).isEqualTo(422);
            assertThat(newline.body()).contains("control characters");
            HttpResponse<String> unknown = admin.post("/desk/rules/preview", form(csrf, "kind", "rename", "name", "x"));
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("Unknown change.");
            HttpResponse<String> nobody = admin.post("/desk/rules/preview", form(csrf, "kind", "remove", "name", "nobody"));
            assertThat(nobody.body()).contains("No stored rule has this name");
            HttpResponse<String> yamlName = admin.post("/desk/rules/preview", form(csrf, "kind", "add",
                    "name", "no-horoscopes", "definition", GOLD_HOLD));
            assertThat(yamlName.body()).contains("taar.yml already has a rule of this name");

            // A save posted directly with a bad definition, on a fresh stamp, is re-checked and refused.
            String stamp = app.ruleStore.revision().stamp();
            HttpResponse<String> forced = admin.post("/desk/rules/save", form(csrf, "kind", "add", "name", "bad",
                    "definition", "{\"action\": \"explode\"}", "seen", stamp));
            assertThat(forced.statusCode()).isEqualTo(422);
            assertThat(forced.body()).contains("rule bad");
            assertThat(app.ruleStore.list()).isEmpty();
            assertThat(app.ruleStore.changes(10)).isEmpty();

            // Markup in a rule's name (possible only in the store: the desk takes letters, digits, '.', '_', '-')
            // and in its definition shows as text on the page.
            String name = "<script>alert(1)</script>";
            String definition = "{\"match\": {\"keywords\": [\"<img src=x onerror=alert(2)>\"]}, \"action\": \"hold\","
                    + " \"reason\": \"</pre><b>held</b>\"}";
            app.ruleStore.add(name, definition);
            String page = admin.get("/desk/rules").body();
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>held</b>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
                    .contains("&lt;/pre&gt;&lt;b&gt;held&lt;/b&gt;");
            // While it runs, every change is refused with its problem; its forms carry the name as written, so it
            // can be switched off like any other, and then the rest can change.
            HttpResponse<String> blocked = admin.post("/desk/rules/preview", form(csrf, "kind", "add", "name", "ok",
                    "definition", GOLD_HOLD));
            assertThat(blocked.statusCode()).isEqualTo(422);
            assertThat(blocked.body()).contains("rule &lt;script&gt;alert(1)&lt;/script&gt;: name: letters");
            assertThat(previewAndSave(admin, form(csrf, "kind", "disable", "name", name)).statusCode()).isEqualTo(303);
            assertThat(app.ruleStore.list().get(0).enabled()).isFalse();
            String markup = "{\"match\": {\"keywords\": [\"<i>सोना</i>\"]}, \"action\": \"hold\", \"reason\": \"<b>x</b>\"}";
            assertThat(previewAndSave(admin, form(csrf, "kind", "add", "name", "markup-reason", "definition", markup))
                    .statusCode()).isEqualTo(303);
            assertThat(app.ruleStore.list().get(1).definition()).isEqualTo(markup);
            assertThat(admin.get("/desk/rules").body()).doesNotContain("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void editorsViewersAndFormsWithoutTheTokenChangeNothing(String engine) throws Exception {
        try (App app = app(engine)) {
            String base = base(app);
            app.ruleStore.add("gold-hold", GOLD_HOLD);
            String stamp = app.ruleStore.revision().stamp();
            List<String> posts = List.of("/desk/rules/preview", "/desk/rules/save");
            Map<String, String> change = Map.of("kind", "remove", "name", "gold-hold", "seen", stamp);
            for (String[] who : List.of(new String[] {"asha", "editor password here"},
                    new String[] {"ravi", "viewer password here"})) {
                DeskClient c = new DeskClient(base).signedIn(who[0], who[1]);
                HttpResponse<String> page = c.get("/desk/rules");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("gold-hold").contains("only an admin can change them")
                        .doesNotContain("action=\"/desk/rules/preview\"");
                Map<String, String> withToken = new HashMap<>(change);
                withToken.put("csrf", DeskClient.csrf(page.body()));
                for (String path : posts) {
                    assertThat(c.post(path, withToken).statusCode()).as(who[0] + " " + path).isEqualTo(403);
                }
            }
            DeskClient hindi = new DeskClient(base).signedIn("ravi", "viewer password here");
            hindi.cookies.put(DeskEndpoint.LANGUAGE_COOKIE, "hi");
            assertThat(hindi.get("/desk/rules").body()).contains("रूटिंग नियम").contains("taar.yml से")
                    .contains("केवल एडमिन बदल सकता है");
            DeskClient admin = new DeskClient(base).signedIn("meera", "admin password here");
            for (String path : posts) {
                assertThat(admin.post(path, change).statusCode()).as("no token " + path).isEqualTo(403);
                Map<String, String> wrong = new HashMap<>(change);
                wrong.put("csrf", "not-the-token");
                assertThat(admin.post(path, wrong).statusCode()).as("wrong token " + path).isEqualTo(403);
            }
            DeskClient stranger = new DeskClient(base);
            assertThat(stranger.post("/desk/rules/save", change).statusCode()).isEqualTo(403);
            assertThat(stranger.get("/desk/rules").statusCode()).as("signed out: to the sign-in form").isEqualTo(303);
            assertThat(app.ruleStore.list()).extracting(RuleStore.Entry::name).containsExactly("gold-hold");
            assertThat(app.ruleStore.changes(10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void rulesAreMovedSwitchedOffAndOnAndRemovedAndAStaleSaveIsRefused(String engine) throws Exception {
        try (App app = app(engine)) {
            String base = base(app);
            for (String name : List.of("a", "b", "c")) {
                app.ruleStore.add(name, "{\"match\": {\"keywords\": [\"" + name + "word\"]}, \"action\": \"hold\"}");
            }
            DeskClient admin = new DeskClient(base).signedIn("meera", "admin password here");
            String csrf = DeskClient.csrf(admin.get("/desk/rules").body());

            assertThat(previewAndSave(admin, form(csrf, "kind", "move", "name", "c", "place", "2")).statusCode()).isEqualTo(303);
            assertThat(names(app)).containsExactly("a", "c", "b");
            assertThat(previewAndSave(admin, form(csrf, "kind", "move", "name", "b", "place", "-5")).statusCode()).isEqualTo(303);
            assertThat(names(app)).containsExactly("b", "a", "c");
            assertThat(previewAndSave(admin, form(csrf, "kind", "move", "name", "b", "place", "99")).statusCode()).isEqualTo(303);
            assertThat(names(app)).containsExactly("a", "c", "b");

            assertThat(receive(app, "urn:mv:1", "खबर aword में").status().label()).isEqualTo("held");
            HttpResponse<String> off = admin.post("/desk/rules/preview", form(csrf, "kind", "disable", "name", "a"));
            assertThat(off.body()).contains("Switch off rule a").contains("hold → publish: 1");
            assertThat(previewAndSave(admin, form(csrf, "kind", "disable", "name", "a")).statusCode()).isEqualTo(303);
            assertThat(app.ruleStore.list().get(0)).extracting(RuleStore.Entry::enabled).isEqualTo(false);
            assertThat(admin.get("/desk/rules").body()).contains("Switch on").contains(">off<");
            assertThat(receive(app, "urn:mv:2", "खबर aword फिर").status().label()).isEqualTo("published");
            // A switched-off rule's new definition is checked all the same.
            HttpResponse<String> badEdit = admin.post("/desk/rules/preview", form(csrf, "kind", "edit", "name", "a",
                    "definition", "{\"match\": {\"sections\": 7}, \"action\": \"hold\"}"));
            assertThat(badEdit.statusCode()).isEqualTo(422);
            assertThat(badEdit.body()).contains("rule a").doesNotContain("action=\"/desk/rules/save\"");
            assertThat(previewAndSave(admin, form(csrf, "kind", "enable", "name", "a")).statusCode()).isEqualTo(303);
            assertThat(receive(app, "urn:mv:3", "खबर aword तीसरी").status().label()).isEqualTo("held");

            // A preview made before someone else's change cannot be saved: 409, and the dry run again.
            HttpResponse<String> preview = admin.post("/desk/rules/preview", form(csrf, "kind", "remove", "name", "c"));
            String old = seen(preview.body());
            app.ruleStore.add("d", GOLD_HOLD);
            Map<String, String> stale = form(csrf, "kind", "remove", "name", "c", "seen", old);
            HttpResponse<String> refused = admin.post("/desk/rules/save", stale);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("The rules changed since").contains("Remove rule c");
            String fresh = seen(refused.body());
            assertThat(fresh).isNotEqualTo(old);
            assertThat(names(app)).containsExactly("a", "c", "b", "d");
            stale.put("seen", fresh);
            assertThat(admin.post("/desk/rules/save", stale).statusCode()).isEqualTo(303);
            assertThat(names(app)).containsExactly("a", "b", "d");
            assertThat(app.ruleStore.changes(10)).extracting(RuleStore.Change::what)
                    .containsExactly("remove", "enable", "disable", "move", "move", "move");
            assertThat(admin.get("/desk/rules").body()).contains("removed").contains("to place 2");

            // The dry run's size is capped, and a nonsense size is the default.
            HttpResponse<String> big = admin.post("/desk/rules/preview", form(csrf, "kind", "disable", "name", "b",
                    "n", "99999999"));
            assertThat(big.body()).contains("of the last 1000 stories");
            HttpResponse<String> junk = admin.post("/desk/rules/preview", form(csrf, "kind", "disable", "name", "b",
                    "n", "<many>"));
            assertThat(junk.body()).contains("of the last 200 stories");
        }
    }

    private static List<String> names(App app) {
        return app.ruleStore.list().stream().map(RuleStore.Entry::name).toList();
    }
}
