package org.taar.web.desk;

import java.util.List;
import org.eclipse.jetty.http.HttpCookie;

/** What a desk page handler answers: a page, a redirect after a form (303), or a file to download. */
public sealed interface DeskAnswer {
    record Html(int status, String html) implements DeskAnswer {}

    /** After a POST the browser follows with a GET, so a reload does not post the form again. */
    record Redirect(String location) implements DeskAnswer {}

    /** Bytes shown or downloaded as they are; {@code filename} non-null makes it an attachment. */
    record File(String contentType, String filename, byte[] body) implements DeskAnswer {}

    /** An answer that also sets cookies (sign-in, sign-out, language). */
    record WithCookies(List<HttpCookie> cookies, DeskAnswer answer) implements DeskAnswer {}

    static DeskAnswer page(String html) {
        return new Html(200, html);
    }
}
