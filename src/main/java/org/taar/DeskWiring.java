package org.taar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taar.desk.AdvisoryDecisions;
import org.taar.desk.DeskAccess;
import org.taar.desk.DeskRenderer;
import org.taar.desk.Passwords;
import org.taar.desk.RuleChanges;
import org.taar.desk.SourceForm;
import org.taar.desk.StoryActions;
import org.taar.desk.StoryDeliveries;
import org.taar.desk.StoryEdits;
import org.taar.desk.StoryFile;
import org.taar.desk.TagEdits;
import org.taar.enrich.Enricher;
import org.taar.intake.Poller;
import org.taar.store.AdvisoryStore;
import org.taar.store.Attention;
import org.taar.store.DeskSessions;
import org.taar.store.DeskUsers;
import org.taar.store.LoginFailures;
import org.taar.text.HtmlSanitizer;
import org.taar.web.ClientAddress;
import org.taar.web.desk.AdvisoryPages;
import org.taar.web.desk.DeskEndpoint;
import org.taar.web.desk.DeskPages;
import org.taar.web.desk.DeskRoute;
import org.taar.web.desk.QueuePages;
import org.taar.web.desk.RulePages;
import org.taar.web.desk.SignInPages;
import org.taar.web.desk.SourcePages;
import org.taar.web.desk.StoryPages;
import org.taar.web.desk.TagPages;
import org.taar.web.desk.UserPages;

/** The editors' desk at /desk/, wired from the App's parts: its sign-in, sessions and pages. App.serve calls it once. */
final class DeskWiring {
    private DeskWiring() {}

    static DeskEndpoint desk(App app, Enricher enricher, Poller poller, Runnable nudge, ClientAddress clientAddress,
                             Duration bodyDeadline, AdvisoryStore advisories, AdvisoryDecisions decisions) {
        Passwords passwords = new Passwords();
        DeskAccess access = new DeskAccess(new DeskUsers(app.store, app.clock), new DeskSessions(app.store),
                new LoginFailures(app.store), passwords, app.clock, DeskAccess.IDLE, DeskAccess.ABSOLUTE);
        DeskPages deskPages = new DeskPages(new DeskRenderer(), new Attention(app.store));
        List<DeskRoute> routes = new ArrayList<>(new SignInPages(access, deskPages).routes());
        routes.addAll(new QueuePages(app.wire, app.sources, deskPages, app.config.site(), app.clock).routes());
        routes.addAll(new RulePages(app.ruleStore, new RuleChanges(app.rules, app.ruleStore, app.dryRun), deskPages,
                app.config).routes());
        ZoneId zone = app.config.site().zone();
        routes.addAll(new AdvisoryPages(advisories, decisions, app.stories, deskPages, zone).routes());
        routes.addAll(new SourcePages(app.sources, app.pushKeys, poller, app.config,
                new SourceForm(App.formats(app.config).names()), deskPages, app.clock).routes());
        routes.addAll(new TagPages(app.tags, new TagEdits(app.tags, app.publisher, nudge), deskPages).routes());
        routes.addAll(new UserPages(app.accounts, deskPages, zone).routes());
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        StoryDeliveries storyDeliveries = new StoryDeliveries(app.stories, app.archive);
        StoryFile storyFile = new StoryFile(app.stories, app.audit, advisories, storyDeliveries, sanitizer,
                app.config.site(), app.clock);
        StoryActions storyActions = new StoryActions(app.stories, app.writes, app.editorActions,
                new StoryEdits(app.config.site(), enricher, sanitizer), app.rules, app.clock, nudge, app.meters());
        routes.addAll(new StoryPages(deskPages, storyFile, storyDeliveries, storyActions, zone).routes());
        return new DeskEndpoint(access, deskPages, clientAddress, bodyDeadline, routes);
    }
}
