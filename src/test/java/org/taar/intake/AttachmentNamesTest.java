package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A sender's file name, made safe: no path, no control or direction characters, capped, unique. */
class AttachmentNamesTest {
    @Test
    void aNameKeepsOnlyItsLastPartWithoutControlsOrALeadingDot() {
        assertThat(AttachmentNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentNames.safe("C:\\photos\\लीड.jpg")).isEqualTo("लीड.jpg");
        assertThat(AttachmentNames.safe("a\u0000b\r\nc.jpg")).isEqualTo("abc.jpg");
        assertThat(AttachmentNames.safe("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
        assertThat(AttachmentNames.safe("...")).isEmpty();
        assertThat(AttachmentNames.safe("a:b?.jpg")).isEqualTo("a_b_.jpg");
        assertThat(AttachmentNames.safe("क".repeat(300) + ".jpeg")).hasSize(100).endsWith("क.jpeg");
    }

    @Test
    void twoPartsOfOneNameGetTwoNames() {
        AttachmentNames names = new AttachmentNames();
        assertThat(names.next("a.jpg", "x")).isEqualTo("a.jpg");
        assertThat(names.next("dir/A.JPG", "x")).isEqualTo("A-2.JPG");
        assertThat(names.next("a.jpg", "x")).isEqualTo("a-3.jpg");
        assertThat(names.next(null, "photo")).isEqualTo("photo");
        assertThat(names.next("", "")).isEqualTo("part");
        assertThat(names.next("/", null)).isEqualTo("part-2");
    }
}
