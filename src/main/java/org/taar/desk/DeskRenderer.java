package org.taar.desk;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the desk's pages from the precompiled JTE templates in {@code src/main/jte/desk/}. Unlike
 * the public site, desk pages are rendered on every request: they show the store as it is now and
 * are never cached.
 */
public final class DeskRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** @param template a name under desk/, e.g. {@code "login"} */
    public String render(String template, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render("desk/" + template + ".jte", model, out);
        return out.toString();
    }
}
