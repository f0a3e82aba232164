package org.taar.format;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.taar.item.NewsItem;

/**
 * The ninjs 2.1 JSON schema from the shared corpus, with format assertions on (so {@code uri} and
 * {@code date-time} are checked too), for every test that promises valid {@code taar parse} output.
 */
final class NinjsValidator {
    private final Schema schema;
    private final NinjsWriter writer = new NinjsWriter();

    private NinjsValidator(Schema schema) {
        this.schema = schema;
    }

    /** Loads the schema, or skips the calling test when the shared data is not there. */
    static NinjsValidator load() {
        Path file = Fixtures.sharedData("iptc/ninjs/specification").resolve("ninjs-schema_2.1.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = Files.newInputStream(file)) {
            return new NinjsValidator(registry.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Error> validate(String json) {
        return schema.validate(json, InputFormat.JSON,
                ctx -> ctx.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    /** What is wrong with the item written as ninjs 2.1; empty when it is valid. */
    List<String> problems(String name, NewsItem item) {
        List<String> problems = new ArrayList<>();
        var ninjs = writer.toNinjs(item);
        for (Error error : validate(ninjs.toString())) problems.add(name + " " + item.uri() + ": " + error);
        for (String field : List.of("firstcreated", "versioncreated", "contentcreated", "embargoed")) {
            // Belt and braces for the date-time format, whatever the validator's format support.
            String value = ninjs.path(field).asText(null);
            if (value != null && !value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                problems.add(name + ": " + field + " '" + value + "' is not UTC seconds with Z");
            }
            if (value != null) OffsetDateTime.parse(value);
        }
        return problems;
    }
}
