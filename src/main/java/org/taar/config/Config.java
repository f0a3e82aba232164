package org.taar.config;

import org.taar.text.Secrets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Every setting Taar runs with, read once at start by {@link ConfigLoader} and passed to the
 * components that need it.
 *
 * @param dataDir the embedded database, the archive and the drop folders live here
 * @param jdbcUrl a PostgreSQL JDBC URL, or null for the embedded SQLite store
 * @param maxDeliveryBytes the largest delivery accepted by any intake (file, drop folder, push)
 * @param node this node among the nodes sharing a PostgreSQL store, and where it keeps what they share
 */
public record Config(
        Path dataDir,
        String jdbcUrl,
        int port,
        long maxDeliveryBytes,
        Site site,
        Map<String, Source> sources,
        Purge purge,
        Routing routing,
        Http http,
        Node node) {

    public Config {
        routing = routing == null ? Routing.DEFAULT : routing;
        http = http == null ? Http.DEFAULT : http;
        node = node == null ? Node.in(dataDir, null) : node;
    }

    public Config(Path dataDir, String jdbcUrl, int port, long maxDeliveryBytes, Site site, Map<String, Source> sources,
                  Purge purge, Routing routing, Http http) {
        this(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, purge, routing, http, null);
    }

    public Config(Path dataDir, String jdbcUrl, int port, long maxDeliveryBytes, Site site, Map<String, Source> sources,
                  Purge purge, Routing routing) {
        this(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, purge, routing, Http.DEFAULT);
    }

    /**
     * This node among several sharing one PostgreSQL store ({@code node:}, {@code archive:},
     * {@code media:} and {@code inbox:} in taar.yml, or TAAR_NODE, TAAR_ARCHIVE, TAAR_MEDIA,
     * TAAR_INBOX), and where it keeps what every node must be able to read.
     *
     * @param name unique among the nodes; by default the host's name and the process id
     * @param archive the verbatim archive's folder, or null for the database ({@code archive: database});
     *     several nodes need a folder they all share, or the database
     * @param media the renditions' folder; several nodes need one they all share
     * @param inbox the drop folder
     * @param sharedInbox the inbox was set apart from the data folder, so other nodes may read it too:
     *     each node then claims files into its own folder beside it, {@code claimed/NODE/}
     */
    public record Node(String name, Path archive, Path media, Path inbox, boolean sharedInbox) {
        /** Everything in the data folder: one node, or a node whose name alone is set. */
        public static Node in(Path dataDir, String name) {
            return new Node(name == null ? defaultName() : name, dataDir.resolve("archive"), dataDir.resolve("media"),
                    dataDir.resolve("inbox"), false);
        }

        public Node named(String other) {
            return new Node(other, archive, media, inbox, sharedInbox);
        }

        /** The host's name and this process's id: unique unless two nodes share a host and a pid namespace. */
        static String defaultName() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
            return host + "-" + ProcessHandle.current().pid();
        }
    }

    /** Without a CDN to purge and with the default rules: what most installations and tests use. */
    public Config(Path dataDir, String jdbcUrl, int port, long maxDeliveryBytes, Site site, Map<String, Source> sources) {
        this(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, null, Routing.DEFAULT, Http.DEFAULT);
    }

    // Records print every field; the JDBC URL may hold the database password.
    @Override
    public String toString() {
        return "Config[dataDir=" + dataDir + ", jdbcUrl=" + Secrets.redact(jdbcUrl) + ", port=" + port
                + ", maxDeliveryBytes=" + maxDeliveryBytes + ", sources=" + sources.keySet() + ", node=" + node.name() + "]";
    }

    public Config withPurge(Purge purge) {
        return new Config(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, purge, routing, http, node);
    }

    public Config withRouting(Routing routing) {
        return new Config(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, purge, routing, http, node);
    }

    public Config withHttp(Http http) {
        return new Config(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, purge, routing, http, node);
    }

    public Config withNode(String name) {
        return withNode(node.named(name));
    }

    public Config withNode(Node node) {
        return new Config(dataDir, jdbcUrl, port, maxDeliveryBytes, site, sources, purge, routing, http, node);
    }

    /**
     * How the public port defends itself against clients that are slow on purpose ({@code http:} in
     * taar.yml, and {@code site.live_clients_per_address}).
     *
     * @param headerDeadline a request's headers must arrive within this, counted from its first byte
     * @param bodyDeadline a request's body (a push, an editor's action) must arrive within this; else 408
     * @param liveClientsPerAddress at most this many {@code /events} streams per reader address
     * @param trustedProxies addresses or CIDR ranges of load balancers whose X-Forwarded-For is believed;
     *     empty (the default) means the connection's own address is the reader's
     */
    public record Http(Duration headerDeadline, Duration bodyDeadline, int liveClientsPerAddress,
                       List<String> trustedProxies) {
        public static final Duration DEFAULT_HEADER_DEADLINE = Duration.ofSeconds(10);
        public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(30);
        public static final int DEFAULT_LIVE_CLIENTS_PER_ADDRESS = 20;
        public static final Http DEFAULT = new Http(DEFAULT_HEADER_DEADLINE, DEFAULT_BODY_DEADLINE,
                DEFAULT_LIVE_CLIENTS_PER_ADDRESS, List.of());

        public Http {
            trustedProxies = List.copyOf(trustedProxies);
        }
    }

    /**
     * The decide stage's settings: taar.yml's {@code rules:} as written, which rules/ parses and
     * checks itself (each part reads its own section), and which default rules run
     * ({@code site.default_rules}: false for none, or a map such as {@code {unverified: false}}).
     *
     * @param rules the {@code rules:} node, a missing node when taar.yml has none
     */
    public record Routing(JsonNode rules, boolean profanity, boolean unverified) {
        public static final Routing DEFAULT = new Routing(MissingNode.getInstance(), true, true);

        public Routing {
            // A copy, so that no reader of the settings can change them for another.
            rules = rules == null ? MissingNode.getInstance() : rules.deepCopy();
        }

        /** A copy of the raw section: Jackson nodes are mutable and the record's must not change. */
        @Override
        public JsonNode rules() {
            return rules.deepCopy();
        }
    }

    /**
     * Where a CDN is told that pages changed ({@code purge:} in taar.yml): HTTP PURGE with a
     * {@code Surrogate-Key} header (Fastly style), or a JSON webhook by POST.
     *
     * @param header one extra request header as written ({@code "Authorization: Bearer ..."}), or null
     */
    public record Purge(java.net.URI url, String method, String header) {
        public boolean webhook() {
            return method.equals("POST");
        }
    }

    /**
     * The public site: its name, address, language, time zone and sections in display order.
     *
     * @param logo the publisher's logo (an absolute URL, {@code site.logo}) named in the articles' JSON-LD, or null
     * @param breakingUrgency stories of this IPTC urgency or more urgent (1 is the most) are breaking news
     * @param breakingWindow how long after publication a breaking story stays in the home page's breaking block
     * @param liveClients at most this many readers follow {@code /events} at once; more are answered 503
     */
    public record Site(String name, String baseUrl, String language, ZoneId zone, List<Section> sections,
                       String defaultSection, int homeStories, int sectionStories, double classifierThreshold,
                       String logo, int breakingUrgency, Duration breakingWindow, int liveClients,
                       long pageBudgetBytes, int eagerArticles) {
        /** The section model's confidence at or above which its section is used ({@code site.classifier_threshold}). */
        public static final double DEFAULT_CLASSIFIER_THRESHOLD = 0.6;
        /** IPTC urgency 1 and 2 are flashes and bulletins: breaking news ({@code site.breaking_urgency}). */
        public static final int DEFAULT_BREAKING_URGENCY = 2;
        public static final Duration DEFAULT_BREAKING_WINDOW = Duration.ofHours(6);
        public static final int DEFAULT_LIVE_CLIENTS = 10_000;
        /** Memory for article and deep listing pages ({@code site.page_budget_mb}), in bytes. */
        public static final long DEFAULT_PAGE_BUDGET_BYTES = 384L << 20;
        /** How many of the newest articles are rendered at start ({@code site.eager_articles}); the rest on first request. */
        public static final int DEFAULT_EAGER_ARTICLES = 2_000;

        public Site(String name, String baseUrl, String language, ZoneId zone, List<Section> sections,
                    String defaultSection, int homeStories, int sectionStories, double classifierThreshold) {
            this(name, baseUrl, language, zone, sections, defaultSection, homeStories, sectionStories,
                    classifierThreshold, null);
        }

        public Site(String name, String baseUrl, String language, ZoneId zone, List<Section> sections,
                    String defaultSection, int homeStories, int sectionStories, double classifierThreshold,
                    String logo) {
            this(name, baseUrl, language, zone, sections, defaultSection, homeStories, sectionStories,
                    classifierThreshold, logo, DEFAULT_BREAKING_URGENCY, DEFAULT_BREAKING_WINDOW, DEFAULT_LIVE_CLIENTS,
                    DEFAULT_PAGE_BUDGET_BYTES, DEFAULT_EAGER_ARTICLES);
        }

        public Site(String name, String baseUrl, String language, ZoneId zone, List<Section> sections,
                    String defaultSection, int homeStories, int sectionStories) {
            this(name, baseUrl, language, zone, sections, defaultSection, homeStories, sectionStories,
                    DEFAULT_CLASSIFIER_THRESHOLD);
        }

        public Site withBreaking(int urgency, Duration window) {
            return new Site(name, baseUrl, language, zone, sections, defaultSection, homeStories, sectionStories,
                    classifierThreshold, logo, urgency, window, liveClients, pageBudgetBytes, eagerArticles);
        }

        public Site withLiveClients(int max) {
            return new Site(name, baseUrl, language, zone, sections, defaultSection, homeStories, sectionStories,
                    classifierThreshold, logo, breakingUrgency, breakingWindow, max, pageBudgetBytes, eagerArticles);
        }

        public Site withEagerArticles(int count) {
            return new Site(name, baseUrl, language, zone, sections, defaultSection, homeStories, sectionStories,
                    classifierThreshold, logo, breakingUrgency, breakingWindow, liveClients, pageBudgetBytes, count);
        }

        public Optional<Section> section(String slug) {
            return sections.stream().filter(s -> s.slug().equals(slug)).findFirst();
        }
    }

    /**
     * A section of the site. {@code aliases} are the names sources use for it (e.g. "देश",
     * "national", "India"), matched case-insensitively.
     */
    public record Section(String slug, String name, List<String> aliases) {}

    /**
     * What Taar knows about one source beyond its name: the disclaimer printed under its stories,
     * the section its stories go to when they declare none, and the agency when items do not say.
     * {@code feed} is set when Taar fetches the source over HTTP, and null otherwise.
     * {@code fullTextInFeeds}: whether the site's RSS feeds may carry the whole story
     * (content:encoded); off by default, since an agency's licence usually covers the site only.
     * {@code publishDuplicates}: publish this source's stories even when they repeat an earlier
     * story (they are still linked to it); off by default (org.taar.dedupe).
     * {@code web}: whether the licence covers publishing on the web at all ({@code web: false}
     * keeps every item of the source, held, never published).
     * {@code images}: whether the licence covers its pictures, video and audio ({@code images: false}
     * keeps them in the archive, marked unlicensed, never fetched and never shown; the text publishes as always).
     */
    public record Source(String name, String disclaimer, String defaultSection, String agency, Feed feed,
                         boolean fullTextInFeeds, boolean publishDuplicates, boolean web, boolean images) {
        public Source(String name, String disclaimer, String defaultSection, String agency, Feed feed,
                      boolean fullTextInFeeds, boolean publishDuplicates, boolean web) {
            this(name, disclaimer, defaultSection, agency, feed, fullTextInFeeds, publishDuplicates, web, true);
        }

        public Source(String name, String disclaimer, String defaultSection, String agency, Feed feed,
                      boolean fullTextInFeeds) {
            this(name, disclaimer, defaultSection, agency, feed, fullTextInFeeds, false, true);
        }

        public Source(String name, String disclaimer, String defaultSection, String agency) {
            this(name, disclaimer, defaultSection, agency, null);
        }

        public Source(String name, String disclaimer, String defaultSection, String agency, Feed feed) {
            this(name, disclaimer, defaultSection, agency, feed, false);
        }
    }

    /**
     * How the poller fetches a source.
     *
     * @param url http or https, without credentials (they are in username/password)
     * @param format a format hint for the parser, or null to detect by content
     * @param interval the time between two polls when all is well
     * @param headers extra request headers, e.g. Authorization: Bearer ...; secret, never shown
     * @param privateHosts the hosts this source may reach on private, loopback and link-local addresses
     *                     (an agency VPN), lower case: the feed's own host with {@code allow_private: true},
     *                     and any host named in {@code allow_private_hosts} (e.g. where the feed redirects);
     *                     every other hop must be public
     * @param maxBytes the largest body accepted, counted after decompression
     * @param timeout the whole poll (connect, redirects, headers, body) must finish within this
     */
    public record Feed(URI url, String format, Duration interval, String username, String password,
                       Map<String, String> headers, Set<String> privateHosts, long maxBytes, Duration timeout) {
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

        public Feed {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            privateHosts = privateHosts == null ? Set.of() : privateHosts.stream()
                    .map(h -> h.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        /** True when some host of this source may be on a private address. */
        public boolean allowPrivate() {
            return !privateHosts.isEmpty();
        }

        /** True when this host (a hop of this source's fetch) may be on a private address. */
        public boolean allowsPrivate(String host) {
            return host != null && privateHosts.contains(host.toLowerCase(java.util.Locale.ROOT));
        }

        /** A feed with the defaults: detect the format, every 60 s, no credentials, public addresses only. */
        public static Feed of(URI url, long maxBytes) {
            return new Feed(url, null, DEFAULT_INTERVAL, null, null, Map.of(), Set.of(), maxBytes, DEFAULT_TIMEOUT);
        }

        public Feed withInterval(Duration d) {
            return new Feed(url, format, d, username, password, headers, privateHosts, maxBytes, timeout);
        }

        public Feed withTimeout(Duration d) {
            return new Feed(url, format, interval, username, password, headers, privateHosts, maxBytes, d);
        }

        /** allow_private: the feed's own host may be private (or, false, no host may). */
        public Feed withAllowPrivate(boolean allow) {
            return withPrivateHosts(allow ? Set.of(url.getHost()) : Set.of());
        }

        public Feed withPrivateHosts(Set<String> hosts) {
            return new Feed(url, format, interval, username, password, headers, hosts, maxBytes, timeout);
        }

        public Feed withMaxBytes(long max) {
            return new Feed(url, format, interval, username, password, headers, privateHosts, max, timeout);
        }

        public Feed withCredentials(String user, String pass) {
            return new Feed(url, format, interval, user, pass, headers, privateHosts, maxBytes, timeout);
        }

        public Feed withHeaders(Map<String, String> h) {
            return new Feed(url, format, interval, username, password, h, privateHosts, maxBytes, timeout);
        }

        public Feed withFormat(String f) {
            return new Feed(url, f, interval, username, password, headers, privateHosts, maxBytes, timeout);
        }

        // Records print every field; credentials and headers must never reach a log line.
        @Override
        public String toString() {
            return "Feed[url=" + Secrets.redact(String.valueOf(url)) + ", format=" + format + ", interval=" + interval + ", credentials="
                    + (username != null ? "basic" : headers.isEmpty() ? "none" : "headers") + ", privateHosts="
                    + privateHosts + ", maxBytes=" + maxBytes + ", timeout=" + timeout + "]";
        }
    }

    /** The sources Taar fetches over HTTP, in configuration order. */
    public List<Source> polledSources() {
        return sources.values().stream().filter(s -> s.feed() != null).toList();
    }

    public Source source(String name) {
        Source s = sources.get(name);
        return s != null ? s : new Source(name, null, null, null);
    }
}
