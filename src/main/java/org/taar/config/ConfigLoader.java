package org.taar.config;

import org.taar.text.Secrets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings from taar.yml and TAAR_* environment variables, in that order of precedence
 * reversed: the environment wins, so one image can run anywhere. Missing settings take the
 * defaults written here, so an empty data directory is enough to start.
 */
public final class ConfigLoader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param dataDir from --data (or null for TAAR_DATA or ./taar-data)
     * @param configFile from --config, or null to look for DATA/taar.yml then ./taar.yml
     * @param jdbcUrl from --db, or null for TAAR_DB or the embedded store
     */
    public Config load(Path dataDir, Path configFile, String jdbcUrl) {
        return load(dataDir, configFile, jdbcUrl, null);
    }

    /** @param port from --port, or null for TAAR_PORT, the file, or 8080 */
    public Config load(Path dataDir, Path configFile, String jdbcUrl, Integer port) {
        Path data = dataDir != null ? dataDir : Path.of(env.getOrDefault("TAAR_DATA", "taar-data"));
        JsonNode yml = readYaml(configFile, data);
        String db = jdbcUrl != null ? jdbcUrl : env.getOrDefault("TAAR_DB", text(yml, "db", null));
        if (db != null && db.isBlank()) db = null;
        int listen = port != null ? port : Integer.parseInt(env.getOrDefault("TAAR_PORT", text(yml, "port", "8080")));
        long maxBytes = Long.parseLong(env.getOrDefault("TAAR_MAX_DELIVERY_BYTES",
                text(yml, "max_delivery_bytes", String.valueOf(20L * 1024 * 1024))));
        Config.Site site = site(yml.path("site"), listen);
        return new Config(data, db, listen, maxBytes, site, sources(yml.path("sources"), maxBytes),
                purge(yml.path("purge")), routing(yml), http(yml), node(yml, data));
    }

    /** This node's name and where it keeps what several nodes share (see Config.Node). */
    private Config.Node node(JsonNode yml, Path data) {
        String name = env.getOrDefault("TAAR_NODE", text(yml, "node", null));
        if (name != null && !name.isBlank()) {
            name = name.strip();
            if (name.length() > 100 || !name.matches("[A-Za-z0-9._:-]+")) {
                throw new ConfigException("node: \"" + name.substring(0, Math.min(name.length(), 100))
                        + "\" must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
            }
        } else {
            name = null;
        }
        Config.Node node = Config.Node.in(data, name);
        String archive = env.getOrDefault("TAAR_ARCHIVE", text(yml, "archive", null));
        String media = env.getOrDefault("TAAR_MEDIA", text(yml, "media", null));
        String inbox = env.getOrDefault("TAAR_INBOX", text(yml, "inbox", null));
        return new Config.Node(node.name(),
                archive == null || archive.isBlank() ? node.archive() : archive.strip().equals("database") ? null
                        : folder("archive", archive),
                media == null || media.isBlank() ? node.media() : folder("media", media),
                inbox == null || inbox.isBlank() ? node.inbox() : folder("inbox", inbox),
                inbox != null && !inbox.isBlank());
    }

    /** A folder setting: an absolute path, since nodes started from different places must agree on it. */
    private static Path folder(String setting, String value) {
        Path p;
        try {
            p = Path.of(value.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(setting + ": not a path: " + e.getMessage());
        }
        if (!p.isAbsolute()) throw new ConfigException(setting + ": \"" + value.strip() + "\" must be an absolute path");
        return p.normalize();
    }

    /**
     * {@code http: {header_deadline: 10s, body_deadline: 30s, trusted_proxies: [10.0.0.0/8]}} and
     * {@code site.live_clients_per_address}; TAAR_TRUSTED_PROXIES (comma-separated) wins over the file.
     */
    Config.Http http(JsonNode yml) {
        JsonNode h = yml.path("http");
        Duration header = duration("http.header_deadline", text(h, "header_deadline", null),
                Config.Http.DEFAULT_HEADER_DEADLINE);
        Duration body = duration("http.body_deadline", text(h, "body_deadline", null), Config.Http.DEFAULT_BODY_DEADLINE);
        int perAddress = wholeNumber(yml.path("site"), "live_clients_per_address", "TAAR_LIVE_CLIENTS_PER_ADDRESS",
                Config.Http.DEFAULT_LIVE_CLIENTS_PER_ADDRESS, 1, 1_000_000);
        List<String> proxies = new ArrayList<>();
        String fromEnv = env.get("TAAR_TRUSTED_PROXIES");
        if (fromEnv != null) {
            for (String p : fromEnv.split(",")) if (!p.isBlank()) proxies.add(p.strip());
        } else if (h.path("trusted_proxies").isArray()) {
            h.path("trusted_proxies").forEach(p -> proxies.add(p.asText().strip()));
        } else if (!h.path("trusted_proxies").isMissingNode() && !h.path("trusted_proxies").isNull()) {
            throw new ConfigException("http.trusted_proxies: a list of addresses or CIDR ranges");
        }
        for (String p : proxies) {
            // Literal addresses only: a host name would need DNS on every request's address check.
            if (!p.matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?") || !(p.contains(".") || p.contains(":"))) {
                throw new ConfigException("http.trusted_proxies: an IP address or CIDR range like 10.0.0.0/8, not '" + p + "'");
            }
        }
        return new Config.Http(header, body, perAddress, proxies);
    }

    /** {@code purge: {url, method: PURGE|POST, header: "Name: value"}}; null when absent. */
    static Config.Purge purge(JsonNode p) {
        if (p.isMissingNode() || p.isNull()) return null;
        String url = text(p, "url", null);
        java.net.URI uri;
        try {
            uri = url == null ? null : new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ConfigException("purge.url: an absolute http(s) URL, not '" + Secrets.redact(url) + "'");
        }
        String method = text(p, "method", "PURGE").strip().toUpperCase(java.util.Locale.ROOT);
        if (!method.equals("PURGE") && !method.equals("POST")) {
            throw new ConfigException("purge.method: PURGE or POST, not '" + method + "'");
        }
        String header = text(p, "header", null);
        if (header != null && !header.matches("[A-Za-z0-9-]+\\s*:.*\\S.*")) {
            throw new ConfigException("purge.header: 'Name: value', not '" + header + "'");
        }
        return new Config.Purge(uri, method, header);
    }

    private JsonNode readYaml(Path configFile, Path data) {
        List<Path> candidates = configFile != null ? List.of(configFile)
                : List.of(data.resolve("taar.yml"), Path.of("taar.yml"));
        for (Path p : candidates) {
            if (!Files.isRegularFile(p)) {
                if (configFile != null) throw new ConfigException("config file not found: " + p);
                continue;
            }
            try {
                JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(p.toFile());
                return node == null || node.isMissingNode() ? emptyNode() : node;
            } catch (IOException e) {
                throw new ConfigException("cannot read " + p + ": " + e.getMessage());
            }
        }
        return emptyNode();
    }

    private static JsonNode emptyNode() {
        return new ObjectMapper().createObjectNode();
    }

    private Config.Site site(JsonNode s, int port) {
        String zoneName = env.getOrDefault("TAAR_TIME_ZONE", text(s, "time_zone", "Asia/Kolkata"));
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new ConfigException("site.time_zone: unknown time zone '" + zoneName + "'");
        }
        List<Config.Section> sections = new ArrayList<>();
        for (JsonNode n : s.path("sections")) {
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            sections.add(new Config.Section(n.path("slug").asText(), n.path("name").asText(), aliases));
        }
        if (sections.isEmpty()) sections = DefaultSections.hindi();
        String defaultSection = text(s, "default_section", sections.get(0).slug());
        return new Config.Site(
                env.getOrDefault("TAAR_SITE_NAME", text(s, "name", "तार समाचार")),
                stripSlash(env.getOrDefault("TAAR_BASE_URL", text(s, "base_url", "http://localhost:" + port))),
                text(s, "language", "hi"),
                zone,
                List.copyOf(sections),
                defaultSection,
                s.path("home_stories").asInt(30),
                s.path("section_stories").asInt(20),
                classifierThreshold(s),
                logo(s),
                wholeNumber(s, "breaking_urgency", null, Config.Site.DEFAULT_BREAKING_URGENCY, 1, 9),
                Duration.ofHours(wholeNumber(s, "breaking_hours", null,
                        (int) Config.Site.DEFAULT_BREAKING_WINDOW.toHours(), 1, 24 * 7)),
                wholeNumber(s, "live_clients", "TAAR_LIVE_CLIENTS", Config.Site.DEFAULT_LIVE_CLIENTS, 0, 1_000_000),
                pageBudget(s),
                wholeNumber(s, "eager_articles", null, Config.Site.DEFAULT_EAGER_ARTICLES, 0, 10_000_000));
    }

    private static String logo(JsonNode s) {
        String logo = text(s, "logo", null);
        if (logo == null) return null;
        if (!logo.startsWith("https://") && !logo.startsWith("http://")) {
            throw new ConfigException("site.logo: an absolute http(s) URL, not '" + logo + "'");
        }
        return logo;
    }

    /** A whole-number site setting within [min, max]; the environment variable, when named and set, wins. */
    private int wholeNumber(JsonNode s, String field, String envName, int fallback, int min, int max) {
        String value = envName != null ? env.get(envName) : null;
        if (value == null) value = text(s, field, null);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("site." + field + ": a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static long pageBudget(JsonNode s) {
        JsonNode n = s.path("page_budget_mb");
        if (n.isMissingNode() || n.isNull()) return Config.Site.DEFAULT_PAGE_BUDGET_BYTES;
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > 1_000_000) {
            throw new ConfigException("site.page_budget_mb: a whole number of megabytes from 1, not '" + n.asText() + "'");
        }
        return n.asLong() << 20;
    }

    private static double classifierThreshold(JsonNode s) {
        JsonNode n = s.path("classifier_threshold");
        if (n.isMissingNode() || n.isNull()) return Config.Site.DEFAULT_CLASSIFIER_THRESHOLD;
        if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
            throw new ConfigException("site.classifier_threshold: a number from 0 to 1, not '" + n.asText() + "'");
        }
        return n.asDouble();
    }

    private static Map<String, Config.Source> sources(JsonNode s, long maxDeliveryBytes) {
        Map<String, Config.Source> out = new LinkedHashMap<>();
        s.fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            out.put(e.getKey(), new Config.Source(e.getKey(), text(n, "disclaimer", null),
                    text(n, "default_section", null), text(n, "agency", null),
                    feed(e.getKey(), n, maxDeliveryBytes), flag(n, "sources." + e.getKey() + ".full_text_in_feeds",
                            "full_text_in_feeds"),
                    flag(n, "sources." + e.getKey() + ".publish_duplicates", "publish_duplicates"),
                    !n.has("web") || flag(n, "sources." + e.getKey() + ".web", "web"),
                    !n.has("images") || flag(n, "sources." + e.getKey() + ".images", "images")));
        });
        return out;
    }

    /**
     * {@code rules:} as written (rules/ parses it) and {@code site.default_rules} (true, false, or a
     * map of default rule name to true/false).
     */
    private static Config.Routing routing(JsonNode yml) {
        JsonNode rules = yml.path("rules");
        JsonNode d = yml.path("site").path("default_rules");
        if (d.isMissingNode() || d.isNull()) return new Config.Routing(rules, true, true);
        if (d.isBoolean()) return new Config.Routing(rules, d.asBoolean(), d.asBoolean());
        if (!d.isObject()) throw new ConfigException("site.default_rules: true, false, or {profanity: .., unverified: ..}");
        d.fieldNames().forEachRemaining(k -> {
            if (!k.equals("profanity") && !k.equals("unverified")) {
                throw new ConfigException("site.default_rules: no default rule '" + k
                        + "' can be switched off (profanity, unverified; licence rules always apply)");
            }
        });
        return new Config.Routing(rules, !d.has("profanity") || flag(d, "site.default_rules.profanity", "profanity"),
                !d.has("unverified") || flag(d, "site.default_rules.unverified", "unverified"));
    }

    /** A source with a {@code url} is polled; the rest of its settings have safe defaults. */
    private static Config.Feed feed(String source, JsonNode n, long maxDeliveryBytes) {
        String url = text(n, "url", null);
        if (url == null || url.isBlank()) return null;
        String where = "sources." + source;
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ".url: not a URL: " + Secrets.redact(e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException(where + ".url: must be an http or https URL with a host");
        }
        String user = text(n, "username", null);
        String password = text(n, "password", null);
        // Credentials written into the URL move to Basic auth, so the URL itself never holds a secret.
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getUserInfo().split(":", 2);
            if (user == null) user = info[0];
            if (password == null && info.length > 1) password = info[1];
            try {
                uri = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                        uri.getFragment());
            } catch (URISyntaxException e) {
                throw new ConfigException(where + ".url: " + e.getMessage());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        n.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        long maxBytes = n.has("max_bytes") ? n.path("max_bytes").asLong() : maxDeliveryBytes;
        if (maxBytes <= 0) throw new ConfigException(where + ".max_bytes: must be positive");
        return new Config.Feed(uri, text(n, "format", null),
                duration(where + ".interval", text(n, "interval", null), Config.Feed.DEFAULT_INTERVAL),
                user, password, headers, privateHosts(where, n, uri), Math.min(maxBytes, maxDeliveryBytes),
                duration(where + ".timeout", text(n, "timeout", null), Config.Feed.DEFAULT_TIMEOUT));
    }

    /**
     * allow_private: true trusts the feed's own host on private addresses; allow_private_hosts: [...]
     * names further hosts (where the feed redirects, say) that may be private too. Any other hop
     * of a redirect must be public, so a trusted source cannot be bent to reach the rest of the network.
     */
    static Set<String> privateHosts(String where, JsonNode n, URI uri) {
        Set<String> hosts = new LinkedHashSet<>();
        if (n.path("allow_private").asBoolean(false)) hosts.add(uri.getHost());
        JsonNode listed = n.path("allow_private_hosts");
        if (listed.isMissingNode() || listed.isNull()) return hosts;
        if (!listed.isArray()) throw new ConfigException(where + ".allow_private_hosts: a list of host names");
        for (JsonNode h : listed) {
            String host = h.asText("").strip();
            if (host.isEmpty() || !host.matches("[A-Za-z0-9._:\\[\\]-]+")) {
                throw new ConfigException(where + ".allow_private_hosts: '" + host + "' is not a host name");
            }
            hosts.add(host);
        }
        return hosts;
    }

    /** "90" (seconds), "500ms", "60s", "5m", "1h". */
    static Duration duration(String where, String value, Duration fallback) {
        if (value == null || value.isBlank()) return fallback;
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new ConfigException(where + ": '" + value + "' is not a duration like 60s, 5m or 1h");
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (d.isZero()) throw new ConfigException(where + ": must be longer than zero");
        return d;
    }

    /** A yes/no setting, false when absent. */
    private static boolean flag(JsonNode node, String where, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) return false;
        if (!v.isBoolean()) throw new ConfigException(where + ": true or false, not '" + v.asText() + "'");
        return v.asBoolean();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? fallback : v.asText();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
