package org.taar.web.desk;

import org.taar.desk.DeskRenderer;
import org.taar.desk.DeskSession;
import org.taar.desk.DeskText;
import org.taar.desk.DeskViews;
import org.taar.store.Attention;

/** The frame every desk page shares, and the short pages for refusals and errors. */
public final class DeskPages {
    private final DeskRenderer renderer;
    private final Attention attention;

    public DeskPages(DeskRenderer renderer, Attention attention) {
        this.renderer = renderer;
        this.attention = attention;
    }

    public DeskRenderer renderer() {
        return renderer;
    }

    /** The frame for a signed-in page, with the held and advisory counts read now. */
    public DeskViews.Frame frame(DeskRequest rq, String title, String current, String notice, String error) {
        if (rq.who() == null) return new DeskViews.Frame(rq.text(), title, null, current, 0, 0, notice, error);
        Attention.Counts c = attention.now();
        return new DeskViews.Frame(rq.text(), title, rq.who(), current, c.held(), c.advisories(), notice, error);
    }

    /** A page that renders {@code template} with {@code model}. */
    public DeskAnswer render(int status, String template, Object model) {
        return new DeskAnswer.Html(status, renderer.render(template, model));
    }

    public DeskAnswer message(int status, DeskSession who, DeskText t, String headingKey, String text) {
        DeskViews.Frame f;
        if (who == null) f = new DeskViews.Frame(t, t.get(headingKey), null, null, 0, 0, null, null);
        else {
            Attention.Counts c = attention.now();
            f = new DeskViews.Frame(t, t.get(headingKey), who, null, c.held(), c.advisories(), null, null);
        }
        return render(status, "message", new DeskViews.Message(f, t.get(headingKey), text));
    }
}
