package org.taar.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Taar runs with, read once at start by {@link ConfigLoader} and passed to the
 * components that need it.
 *
 * @param dataDir the embedded database, the archive and the drop folders live here
 * @param jdbcUrl a PostgreSQL JDBC URL, or null for the embedded SQLite store
 * @param maxDeliveryBytes the largest delivery accepted by any intake (file, drop folder, push)
 */
public record Config(
        Path dataDir,
        String jdbcUrl,
        int port,
        long maxDeliveryBytes,
        Site site,
        Map<String, Source> sources) {

    /** The public site: its name, address, language, time zone and sections in display order. */
    public record Site(String name, String baseUrl, String language, ZoneId zone, List<Section> sections,
                       String defaultSection, int homeStories, int sectionStories) {
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
     */
    public record Source(String name, String disclaimer, String defaultSection, String agency) {}

    public Source source(String name) {
        Source s = sources.get(name);
        return s != null ? s : new Source(name, null, null, null);
    }
}
