package org.taar.web.desk;

import java.util.regex.Matcher;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.taar.desk.DeskSession;
import org.taar.desk.DeskText;

/**
 * One desk request as a page handler sees it: who asks (null on the sign-in page), the path's
 * groups, the query and (for a POST) the form, already checked for its CSRF token.
 */
public record DeskRequest(Request request, DeskSession who, Matcher path, Fields query, Fields form, DeskText text,
                          String address) {
    /** A query parameter, stripped; null when absent or blank. */
    public String param(String name) {
        return value(query, name);
    }

    /** A form field, stripped; null when absent or blank. */
    public String field(String name) {
        return value(form, name);
    }

    /** A form field exactly as sent (passwords and bodies keep their spaces); null when absent. */
    public String rawField(String name) {
        Fields.Field f = form == null ? null : form.get(name);
        return f == null ? null : f.getValue();
    }

    /** The path's numbered group as a number (ids in desk paths are digits by their pattern). */
    public long id(int group) {
        return Long.parseLong(path.group(group));
    }

    private static String value(Fields fields, String name) {
        if (fields == null) return null;
        Fields.Field f = fields.get(name);
        if (f == null || f.getValue() == null) return null;
        String v = f.getValue().strip();
        return v.isEmpty() ? null : v;
    }
}
