package org.taar;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taar.config.Config;
import org.taar.desk.Accounts;
import org.taar.desk.AdvisoryDecisions;
import org.taar.desk.DeskAccess;
import org.taar.desk.DeskRenderer;
import org.taar.desk.EditorActions;
import org.taar.desk.Passwords;
import org.taar.desk.RuleChanges;
import org.taar.desk.SourceForm;
import org.taar.desk.StoryActions;
import org.taar.desk.StoryDeliveries;
import org.taar.desk.StoryEdits;
import org.taar.desk.StoryFile;
import org.taar.desk.TagEdits;
import org.taar.enrich.Enricher;
import org.taar.format.Formats;
import org.taar.intake.Archive;
import org.taar.intake.Poller;
import org.taar.rules.DryRun;
import org.taar.rules.Rules;
import org.taar.site.Publisher;
import org.taar.store.AdvisoryStore;
import org.taar.store.Attention;
import org.taar.store.AuditLog;
import org.taar.store.DeskSessions;
import org.taar.store.DeskUsers;
import org.taar.store.LoginFailures;
import org.taar.store.PushKeys;
import org.taar.store.RuleStore;
import org.taar.store.SourceStore;
import org.taar.store.Store;
import org.taar.store.StoryReads;
import org.taar.store.StoryWrites;
import org.taar.store.TagStore;
import org.taar.store.WireQueue;
import org.taar.story.Meters;
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

/**
 * The editors' desk at /desk/: its sign-in, sessions and pages, wired from the parts App built.
 * App.serve calls it once; it takes the parts one by one (not the App) so that it sits below App.
 */
final class DeskWiring {
    private DeskWiring() {}

    static DeskEndpoint desk(Config config, Clock clock, Store store, StoryReads stories, StoryWrites writes,
                             AuditLog audit, WireQueue wire, SourceStore sources, PushKeys pushKeys, Accounts accounts,
                             TagStore tags, RuleStore ruleStore, Rules rules, DryRun dryRun,
                             EditorActions editorActions, Publisher publisher, Archive archive, Formats formats,
                             Enricher enricher, Meters meters, Poller poller, Runnable nudge,
                             ClientAddress clientAddress, Duration bodyDeadline, AdvisoryStore advisories,
                             AdvisoryDecisions decisions) {
        Passwords passwords = new Passwords();
        DeskAccess access = new DeskAccess(new DeskUsers(store, clock), new DeskSessions(store),
                new LoginFailures(store), passwords, clock, DeskAccess.IDLE, DeskAccess.ABSOLUTE);
        DeskPages deskPages = new DeskPages(new DeskRenderer(), new Attention(store));
        List<DeskRoute> routes = new ArrayList<>(new SignInPages(access, deskPages).routes());
        routes.addAll(new QueuePages(wire, sources, deskPages, config.site(), clock).routes());
        routes.addAll(new RulePages(ruleStore, new RuleChanges(rules, ruleStore, dryRun), deskPages,
                config).routes());
        ZoneId zone = config.site().zone();
        routes.addAll(new AdvisoryPages(advisories, decisions, stories, deskPages, zone).routes());
        routes.addAll(new SourcePages(sources, pushKeys, poller, config,
                new SourceForm(formats.names()), deskPages, clock).routes());
        routes.addAll(new TagPages(tags, new TagEdits(tags, publisher, nudge), deskPages).routes());
        routes.addAll(new UserPages(accounts, deskPages, zone).routes());
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        StoryDeliveries storyDeliveries = new StoryDeliveries(stories, archive);
        StoryFile storyFile = new StoryFile(stories, audit, advisories, storyDeliveries, sanitizer,
                config.site(), clock);
        StoryActions storyActions = new StoryActions(stories, writes, editorActions,
                new StoryEdits(config.site(), enricher, sanitizer), rules, clock, nudge, meters);
        routes.addAll(new StoryPages(deskPages, storyFile, storyDeliveries, storyActions, zone).routes());
        return new DeskEndpoint(access, deskPages, clientAddress, bodyDeadline, routes);
    }
}
