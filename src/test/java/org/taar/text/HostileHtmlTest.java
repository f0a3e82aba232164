package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.format.HtmlContent;

/**
 * Hostile bodies: each must pass the feed tidier and the sanitizer in time linear in its size (the old code took
 * minutes on these), without overflowing the stack, and come out safe. Guards, not benchmarks: the bound is generous.
 */
public class HostileHtmlTest {

    public static final int N = 100_000;
    // Generous: the old code took minutes; a run on a loaded machine takes a few seconds.
    public static final Duration BOUND = Duration.ofSeconds(20);

    /** The pathological bodies every input path is tried with. */
    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("anchors", "<p>" + "<a href=\"javascript:alert(1)\" onclick=\"x()\">लिंक</a> <a>बिना</a> ".repeat(N / 2) + "</p>"),
                Arguments.of("loose anchors", "<a href=\"https://agency.example/a\">लिंक</a> ".repeat(N)),
                Arguments.of("attributes", manyAttributes(N)),
                Arguments.of("nested divs", "<div>".repeat(N) + "गहरा<script>alert(1)</script>" + "</div>".repeat(N)),
                Arguments.of("nested bold", "<b>".repeat(N) + "गहरा" + "</b>".repeat(N)),
                Arguments.of("paragraphs", "<p>पाठ</p><p> </p><script>x()</script>".repeat(N)),
                Arguments.of("line breaks", "पहला" + "<br>".repeat(N) + "दूसरा" + "<br><br>तीसरा".repeat(N / 4)),
                Arguments.of("images", "<p>" + "<img><img src=\"http://img.example/a.jpg\" onerror=\"x()\" width=\"1\">".repeat(N / 2) + "</p>"),
                Arguments.of("entities", "<p>" + "&amp;&#x41;&nbsp;&#1;&lt;script&gt;".repeat(N) + "</p>"));
    }

    public static String manyAttributes(int n) {
        StringBuilder b = new StringBuilder("<p><a href=\"javascript:alert(1)\" ");
        for (int i = 0; i < n; i++) b.append(i % 2 == 0 ? "onx" : "data-x").append(i).append("=\"javascript:y()\" ");
        return b.append(">पाठ</a></p>").toString();
    }

    /** No script element, no event handler, no script URL (escaped text that reads like them is only text). */
    public static void assertSafe(String html) {
        if (html == null) return;
        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("script, iframe, object, embed, style")).isEmpty();
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("an event handler survived").doesNotStartWithIgnoringCase("on");
                assertThat(a.getValue().replaceAll("\\s", "")).as("a script URL survived").doesNotContainIgnoringCase("javascript:");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void sanitizerAndFeedTidierAreLinearAndSafe(String name, String body) {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        String out = assertTimeoutPreemptively(BOUND, () -> sanitizer.sanitize(body, "https://agency.example/"));
        assertSafe(out);
        assertTimeoutPreemptively(BOUND, () -> sanitizer.toPlainText(out));
        // The feed parsers only tidy (absolute URLs, no trackers); the sanitizer after them makes it safe.
        String tidied = assertTimeoutPreemptively(BOUND, () -> HtmlContent.tidy(body, "https://agency.example/"));
        assertSafe(assertTimeoutPreemptively(BOUND, () -> sanitizer.sanitize(tidied)));
    }
}
