package org.taar.format;

import java.util.List;

/** The ninjs 2.1 schema check for tests outside this package (NinjsValidator is package-private). */
public final class NinjsSchema {
    private static NinjsValidator validator;

    private NinjsSchema() {}

    /** The schema errors of one ninjs document; empty when valid. Skips the test when the schema is absent. */
    public static synchronized List<String> errors(String json) {
        if (validator == null) validator = NinjsValidator.load();
        return validator.validate(json).stream().map(Object::toString).toList();
    }
}
