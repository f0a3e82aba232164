package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the article page makes of a stored body. */
class RendererBodyTest {

    @Test
    void bodiesStoredBeforeImagesWereSecuredAreServedWithHttpsImagesAndNoReferrer() {
        assertThat(Renderer.paragraphs("<p><img src=\"http://img.example/a.jpg\" alt=\"फोटो\">पाठ</p><p>दूसरा</p>"))
                .containsExactly("<p><img src=\"https://img.example/a.jpg\" alt=\"फोटो\" referrerpolicy=\"no-referrer\""
                        + " loading=\"lazy\">पाठ</p>", "<p>दूसरा</p>");
    }

    @Test
    void bodiesStoredWithSecuredImagesAreServedAsStored() {
        String p = "<figure><img src=\"https://img.example/a.jpg\" referrerpolicy=\"no-referrer\" loading=\"lazy\">"
                + "<figcaption>कैप्शन</figcaption></figure>";
        assertThat(Renderer.paragraphs(p)).containsExactly(p);
    }
}
