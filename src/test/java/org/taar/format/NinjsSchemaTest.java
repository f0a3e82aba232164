package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/**
 * Everything Taar reads as ninjs, and every fixture, must come out as valid ninjs 2.1: that is the
 * promise of {@code taar parse}. Validates with format assertions on, so {@code uri} and
 * {@code date-time} are checked too.
 */
class NinjsSchemaTest {
    private static NinjsValidator validator;
    private final Formats formats = Formats.standard();

    @BeforeAll
    static void loadSchema() {
        validator = NinjsValidator.load();
    }

    private List<Error> validate(String json) {
        return validator.validate(json);
    }

    /** Parses, writes and validates; returns the problems, or null when the file was rejected with a parse error. */
    private List<String> roundTrip(String name, byte[] content, List<String> rejected) {
        return roundTrip(name, content, null, rejected);
    }

    private List<String> roundTrip(String name, byte[] content, String hint, List<String> rejected) {
        ParseResult result;
        try {
            result = formats.parse(content, hint, Fixtures.CTX);
        } catch (ParseException e) {
            rejected.add(name + ": " + e.getMessage());
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (NewsItem item : result.items()) problems.addAll(validator.problems(name, item));
        return problems;
    }

    @Test
    void validatorChecksFormats() {
        assertThat(validate("{\"uri\": \"urn:taar:x\", \"versioncreated\": \"2025-07-12T05:49:00Z\"}")).isEmpty();
        assertThat(validate("{\"uri\": \"urn:taar:x\", \"versioncreated\": \"12 July 2025\"}")).isNotEmpty();
        assertThat(validate("{\"uri\": \"not a uri\"}")).isNotEmpty();
        assertThat(validate("{\"uri\": \"urn:taar:x\", \"headlines\": [{\"role\": \"main\"}]}")).isNotEmpty();
    }

    @Test
    void sharedNinjsExamplesWriteValidNinjs21() throws IOException {
        Path examples = Fixtures.sharedData("iptc/ninjs/examples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        List<String> rejected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(roundTrip(examples.relativize(file).toString(), Files.readAllBytes(file), rejected));
        }
        assertThat(problems).isEmpty();
        // Every example parses; those without a story (events, planning, a JSON schema) give no item and say why.
        assertThat(rejected).isEmpty();
        List<String> storyless = new ArrayList<>();
        for (Path file : files) {
            try {
                ParseResult r = formats.parse(Files.readAllBytes(file), null, Fixtures.CTX);
                if (r.items().isEmpty()) {
                    storyless.add(examples.relativize(file).toString());
                    assertThat(r.warnings()).as(file.toString()).anyMatch(w -> w.contains("no headline"));
                }
            } catch (ParseException e) {
                fail(file + ": " + e.getMessage());
            }
        }
        assertThat(storyless).hasSizeLessThan(files.size() / 4);
    }

    @Test
    void validationSuiteItemsThatParseWriteValidNinjs21() throws IOException {
        Path suite = Fixtures.sharedData("iptc/ninjs/validation/test_suite");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(suite)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && p.toString().contains("should_pass"))
                    .sorted().toList();
        }
        List<String> rejected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(roundTrip(suite.relativize(file).toString(), Files.readAllBytes(file), "ninjs", rejected));
        }
        assertThat(problems).isEmpty();
        // The suite's minimal items mostly lack a headline; those must be refused for exactly that.
        assertThat(rejected).allSatisfy(r -> assertThat(r).contains("no headline"));
        assertThat(files.size() - rejected.size()).isGreaterThan(10);
    }

    @Test
    void fixturesWriteValidNinjs21() {
        List<String> rejected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : List.of("wiretext/ians-washington.txt", "wiretext/no-header.txt", "wiretext/canceled.txt",
                "ninjs/hindi-1x.json", "ninjs/hindi-2x.json", "ninjs/hindi-3x.json", "ninjs/collection-mixed.json",
                "iptc7901/pti-election.txt", "iptc7901/bhasha-hindi.txt", "iptc7901/afp-latin1.txt",
                "iptc7901/uni-kill.txt", "iptc7901/no-soh.txt",
                "anpa1312/ap-election.txt", "anpa1312/ap-writethru.txt", "anpa1312/ap-takes.txt",
                "anpa1312/ap-lone-take.txt", "anpa1312/ap-kill.txt", "anpa1312/ap-no-controls.txt",
                "feeds/rss2-hindi.xml", "feeds/rss10-hindi.rdf", "feeds/rss091-latin1.xml", "feeds/rss-truncated.xml",
                "feeds/atom10-hindi.xml", "feeds/atom03.xml", "feeds/jsonfeed-1.1.json", "feeds/jsonfeed-1.0.json",
                "feeds/rss-media.xml", "ninjs/associations-2x.json", "ninjs/associations-1x.json", "ninjs/picture-alone.json",
                "nitf/photo-story.xml", "newsmlg2/picture-hindi.xml", "newsmlg2/package-message.xml",
                "newsmlg2/package-alone.xml")) {
            problems.addAll(roundTrip(name, Fixtures.bytes(name), rejected));
        }
        if (!rejected.isEmpty()) fail("fixtures rejected: " + rejected);
        assertThat(problems).isEmpty();
    }
}
