package org.taar;

import org.taar.desk.Accounts;
import org.taar.desk.Passwords;
import org.taar.store.DeskUsers;
import org.taar.desk.AdvisoryDecisions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.slf4j.LoggerFactory;
import org.taar.web.IngestEndpoint;
import org.taar.web.MediaEndpoint;
import org.taar.web.SourcesEndpoint;
import org.taar.cli.Node;
import org.taar.config.Config;
import org.taar.enrich.Enricher;
import org.taar.enrich.Gazetteer;
import org.taar.enrich.SectionModel;
import org.taar.format.Formats;
import org.taar.intake.Archive;
import org.taar.intake.DemoContent;
import org.taar.intake.DropFolder;
import org.taar.intake.Poller;
import org.taar.rules.DryRun;
import org.taar.rules.Rules;
import org.taar.site.RelatedStories;
import org.taar.web.SearchEndpoint;
import org.taar.web.LiveEvents;
import org.taar.site.PageCache;
import org.taar.site.Publisher;
import org.taar.site.ArticlePages;
import org.taar.site.Feeds;
import org.taar.site.ListingPages;
import org.taar.site.RelatedBackfill;
import org.taar.site.RssFeed;
import org.taar.site.Sitemaps;
import org.taar.site.Renderer;
import org.taar.web.Routes;
import org.taar.web.SiteServer;
import org.taar.web.SitePages;
import org.taar.web.MetricsEndpoint;
import org.taar.site.PageLatency;
import org.taar.store.PushKeys;
import org.taar.store.SourceStore;
import org.taar.store.Store;
import org.taar.store.AuditLog;
import org.taar.store.EmbargoQueue;
import org.taar.store.EventLog;
import org.taar.store.Listings;
import org.taar.store.MediaReads;
import org.taar.store.StoryReads;
import org.taar.store.StoryWrites;
import org.taar.store.TagStore;
import org.taar.store.WireQueue;
import org.taar.rules.EmbargoClock;
import org.taar.text.Agencies;
import org.taar.text.DatelineParser;
import org.taar.text.HtmlSanitizer;
import org.taar.normalize.Normalizer;
import org.taar.text.Slugger;
import org.taar.text.UnicodeCleaner;
import org.taar.web.AdvisoriesEndpoint;
import org.taar.web.ClientAddress;
import org.taar.web.EditorEndpoint;
import org.taar.web.StoriesEndpoint;
import org.taar.web.VersionsEndpoint;
import org.taar.desk.EditorActions;
import org.taar.search.Indexer;
import org.taar.search.SearchIndex;
import org.taar.site.CdnPurge;
import org.taar.site.NodeBeat;
import org.taar.store.EventWake;
import org.taar.store.Nodes;
import org.taar.site.OnDemand;
import org.taar.site.MediaLookups;
import org.taar.store.AdvisoryStore;
import org.taar.store.ReceivedItems;
import org.taar.store.RuleStore;
import org.taar.text.legacy.LegacyFontDetector;
import org.taar.pipeline.Pipeline;
import org.taar.intake.Fetcher;
import org.taar.media.MediaFiles;
import org.taar.media.MediaLimits;
import org.taar.media.MediaWorker;
import org.taar.media.PictureRenderer;
import org.taar.store.MediaStore;
import org.taar.store.MediaWork;
import org.taar.story.Meters;

/**
 * Builds every component from the configuration, in one place, in the order of the pipeline.
 * Commands open an App, use the parts they need, and close it.
 */
public final class App implements Node {
    public final Config config;
    public final Clock clock;
    public final Store store;
    /** One story at a time, by id or agency identity, with its versions. */
    public final StoryReads stories;
    /** The lists of stories that pages, feeds, sitemaps and the API show. */
    public final Listings listings;
    /** The media readers are shown: a story's pictures, the pictures of a listing, a rendition to serve. */
    public final MediaReads mediaReads;
    /** The one way a story changes: a received version, or an editor's release, hold or kill. */
    public final StoryWrites writes;
    public final EventLog events;
    public final AuditLog audit;
    /** The desk's queue of everything received (written by the pipeline, read here). */
    public final WireQueue wire;
    public final TagStore tags;
    public final PushKeys pushKeys;
    /** Desk users, as `taar user` and the desk's users page manage them. */
    public final Accounts accounts;
    public final SourceStore sources;
    public final Archive archive;
    public final Pipeline pipeline;
    public final Rules rules;
    public final RuleStore ruleStore;
    /** What a change to the stored rules would do to the last received stories; reads only. */
    public final DryRun dryRun;
    /** An editor's publish, hold and kill (the editor API; the desk later). */
    public final EditorActions editorActions;
    public final PageCache pages;
    public final Renderer renderer;
    public final Publisher publisher;
    /** Article pages and listing pages, rendered for the publisher and for what the cache misses. */
    public final ArticlePages articles;
    public final ListingPages listingPages;
    /** Renders what the page cache misses: evicted articles, deep listing pages, tag aliases. */
    public final OnDemand onDemand;
    /** The enrich stage, also what gives an editor's edited headline its slug. */
    private final Enricher enricher;
    /** Pictures, video and audio: their rows, renditions and links to stories. */
    public final MediaStore media;
    /** Makes renditions in the background (serve) or in one pass (ingest). */
    private final MediaWorker mediaWorker;
    /** The renditions under DATA/media/: written by the worker, served by /media/. */
    private final MediaFiles mediaFiles;
    /** What /metrics shows: one registry for this App, told by the stages through story/Meters. */
    private final NewsroomMetrics metrics;
    private DropFolder dropFolder;
    private Poller poller;
    private EmbargoClock embargoClock;
    private SiteServer server;
    private LiveEvents live;
    private CdnPurge cdnPurge;
    private SearchIndex searchIndex;
    private Indexer indexer;
    private NodeBeat beat;
    private EventWake wake;

    public App(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.store = Store.open(config.jdbcUrl(), config.dataDir());
        this.stories = new StoryReads(store);
        this.listings = new Listings(store);
        this.writes = new StoryWrites(store);
        this.events = new EventLog(store);
        this.audit = new AuditLog(store);
        this.wire = new WireQueue(store, clock);
        this.pushKeys = new PushKeys(store, clock);
        this.accounts = new Accounts(new DeskUsers(store, clock), new Passwords());
        this.sources = new SourceStore(store);
        this.archive = new Archive(config.node().archive(), store, clock);
        this.pages = new PageCache(config.site().pageBudgetBytes());
        this.renderer = new Renderer(config);
        this.mediaReads = new MediaReads(store);
        this.articles = new ArticlePages(stories, listings, mediaReads, renderer, pages, config.site());
        this.listingPages = new ListingPages(listings, mediaReads, renderer, pages, config.site(), clock);
        Feeds feeds = new Feeds(listings, mediaReads, pages, new RssFeed(config), new Sitemaps(config.site()), config.site(),
                clock);
        this.publisher = new Publisher(stories, listings, events, renderer, pages, articles, listingPages, feeds,
                new RelatedBackfill(stories, articles), config.site(), clock);
        this.metrics = new NewsroomMetrics(store, pages, events, clock);
        this.tags = new TagStore(store, clock);
        this.onDemand = new OnDemand(stories, tags, articles, listingPages, pages, feeds);
        // Names already used as tags in the archive become spellings the tagger recognizes.
        Gazetteer gazetteer = Gazetteer.standard();
        tags.spellings().forEach(s -> gazetteer.learn(s.alias(), s.slug(), s.name()));
        this.enricher = new Enricher(config.site(), new Slugger(), gazetteer, SectionModel.ifTrained(sectionModelFile(config)));
        this.ruleStore = new RuleStore(store, clock);
        this.rules = new Rules(clock, config, ruleStore);
        this.dryRun = new DryRun(rules, ruleStore, new ReceivedItems(store),
                r -> enricher.section(r.item(), config.source(r.source())));
        this.editorActions = new EditorActions(stories, writes, rules, clock, this::nudge, metrics);
        this.media = new MediaStore(store);
        this.mediaFiles = new MediaFiles(config.node().media());
        this.mediaWorker = new MediaWorker(new MediaWork(store), archive, mediaFiles,
                new PictureRenderer(MediaLimits.defaults()),
                new Fetcher(Duration.ofSeconds(10), 2, clock), config, clock, MediaWorker.Settings.defaults(),
                new Random(), publisher::nudge);
        this.pipeline = new Pipeline(config, archive, formats(config), normalizer(config, clock), enricher,
                rules, stories, writes, clock, this::nudge, metrics);
    }

    // What the commands use, through cli/Node (the command line sits below App).
    @Override
    public Store store() {
        return store;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public PushKeys pushKeys() {
        return pushKeys;
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    /** What the stages count (tests read the registry through it). */
    Meters meters() {
        return metrics;
    }

    private void nudge() {
        publisher.nudge();
        if (indexer != null) indexer.nudge();
        mediaWorker.nudge();
    }

    /** Makes the renditions of every media item due now, in this thread (the end of `taar ingest`). */
    @Override
    public int mediaPass() {
        return mediaWorker.pass();
    }

    /**
     * The search index in DATA/search/, opened on first use (only serve and reindex use it: it
     * holds a write lock), with the indexer that keeps it in step with the store.
     */
    public synchronized Indexer indexer() {
        if (indexer == null) {
            searchIndex = SearchIndex.open(config.dataDir().resolve("search"), clock);
            indexer = new Indexer(stories, listings, events, searchIndex);
        }
        return indexer;
    }

    public SearchIndex searchIndex() {
        indexer();
        return searchIndex;
    }

    /** Where {@code taar classify --train} writes the section model and where the enrich stage looks for it. */
    public static Path sectionModelFile(Config config) {
        return config.dataDir().resolve("models").resolve("section.model");
    }

    /** The parse stage: every format parser, with the delivery size cap. */
    public static Formats formats(Config config) {
        return Formats.standard(config.maxDeliveryBytes());
    }

    /** The normalize stage, composed in the order its steps must run. */
    public static Normalizer normalizer(Config config, Clock clock) {
        return new Normalizer(new UnicodeCleaner(), new LegacyFontDetector(), new HtmlSanitizer(), new Agencies(),
                new DatelineParser(), config.site().zone(), clock);
    }

    /**
     * Starts the site: loads demo content if asked and the store is empty, materializes the
     * listings, feeds and sitemaps (the newest articles follow once the port is open), then opens
     * the port and starts the drop folder, the poller and the embargo clock.
     */
    public int serve(String host, int port, boolean demo) throws Exception {
        if (demo) new DemoContent(pipeline, listings, events).loadIfEmpty();
        // The index first: article pages ask it for related stories.
        indexer().startUp();
        indexer.start();
        publisher.related(new RelatedStories(searchIndex, 4));
        // The newest articles render after the port opens (on demand until then): a large site starts in seconds.
        publisher.rebuildAll(false);
        // Told of every batch from here on; what came before is already on the pages.
        live = new LiveEvents(events, config.site().liveClients(), config.http().liveClientsPerAddress(), LiveEvents.HEARTBEAT,
                publisher.lastSeq());
        // What /media/ may serve is remembered until the next applied events, which may change it.
        MediaLookups mediaLookups = new MediaLookups(mediaReads);
        // This node's place among the nodes sharing the store; PostgreSQL's NOTIFY wakes the followers.
        Nodes nodes = new Nodes(store);
        if (store.dialect() == Store.Dialect.POSTGRESQL && config.node().archive() != null
                && config.node().archive().startsWith(config.dataDir())) {
            LoggerFactory.getLogger(App.class).warn("the archive is in this node's data folder: other nodes cannot "
                    + "read it; with several nodes set archive: database or a folder they share (docs/deploy.md)");
        }
        beat = new NodeBeat(nodes, config.node().name(), publisher::lastSeq, clock);
        wake = store.wakeOnEvents(this::nudge).orElse(null);
        // The CDN hears of a change once, after every node has re-rendered its pages.
        if (config.purge() != null) {
            cdnPurge = new CdnPurge(stories, config.purge(), config.site().baseUrl(), Duration.ofSeconds(1), beat);
        }
        LiveEvents feed = live;
        CdnPurge purge = cdnPurge;
        NodeBeat heartbeat = beat;
        PageLatency latency = new PageLatency(metrics, clock);
        publisher.listener(changes -> {
            latency.applied(changes);
            mediaLookups.applied(changes);
            heartbeat.nudge();
            if (purge != null) purge.applied(changes);
            feed.applied(changes);
        });
        publisher.start();
        java.time.Duration bodyDeadline = config.http().bodyDeadline();
        ClientAddress clientAddress = new ClientAddress(config.http().trustedProxies());
        // Built before the routes (the desk's "fetch now" uses it), started after the port is open.
        Poller.Settings polling = Poller.Settings.defaults().withMaxBytes(config.maxDeliveryBytes());
        poller = new Poller(config.polledSources(), pipeline, sources, clock, polling, new Random(),
                new Fetcher(polling.connectTimeout(), polling.perHost(), clock), metrics);
        AdvisoryStore advisories = new AdvisoryStore(store);
        AdvisoryDecisions decisions = new AdvisoryDecisions(advisories, editorActions, clock);
        Routes routes = new Routes(new SitePages(pages, onDemand, metrics), store, clientAddress,
                new IngestEndpoint(pipeline, pushKeys, config.maxDeliveryBytes(), bodyDeadline),
                new AdvisoriesEndpoint(advisories, pushKeys, decisions, bodyDeadline),
                new EditorEndpoint(editorActions, pushKeys, bodyDeadline),
                live,
                new SearchEndpoint(searchIndex, renderer, config.site().zone()),
                new VersionsEndpoint(stories, audit, pushKeys),
                new StoriesEndpoint(stories, listings, config.site()),
                new SourcesEndpoint(sources, pushKeys, clock),
                DeskWiring.desk(config, clock, store, stories, writes, audit, wire, sources, pushKeys, accounts, tags,
                        ruleStore, rules, dryRun, editorActions, publisher, archive, formats(config), enricher, metrics,
                        poller, this::nudge, clientAddress, bodyDeadline, advisories, decisions),
                new MediaEndpoint(mediaLookups, mediaFiles, articles.gone()), new MetricsEndpoint(metrics::scrape));
        server = new SiteServer(host, port, routes, pages, config.http());
        server.start();
        Config.Node node = config.node();
        dropFolder = node.sharedInbox()
                ? DropFolder.shared(node.inbox(), node.name(), n -> nodes.gone(n, clock.instant()), pipeline,
                        config.maxDeliveryBytes(), clock)
                : new DropFolder(node.inbox(), pipeline, config.maxDeliveryBytes(), clock);
        dropFolder.start(250);
        poller.start();
        embargoClock = new EmbargoClock(new EmbargoQueue(store), clock, this::nudge);
        embargoClock.start();
        mediaWorker.start();
        return server.port();
    }

    /** The /events feed while {@link #serve} runs, else null. */
    public LiveEvents liveEvents() {
        return live;
    }

    /** Stops intake first, then lets in-flight requests finish, then the store. */
    @Override
    public void close() {
        if (poller != null) poller.close();
        if (dropFolder != null) dropFolder.close();
        if (embargoClock != null) embargoClock.close();
        if (wake != null) wake.close();
        mediaWorker.close();
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(App.class).warn("server stop: {}", e.toString());
            }
        }
        publisher.close();
        if (cdnPurge != null) cdnPurge.close();
        if (beat != null) beat.close();
        if (indexer != null) indexer.close();
        if (searchIndex != null) searchIndex.close();
        metrics.close();
        store.close();
    }
}
