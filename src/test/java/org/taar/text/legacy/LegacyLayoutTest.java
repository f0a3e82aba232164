package org.taar.text.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taar.SharedData;

/**
 * Every glyph of each font's published layout converts to something: none is left as Latin noise, and none is
 * dropped unless it is a documented filler.
 */
class LegacyLayoutTest {

    /** Windows-1252's view of the bytes 0x80-0xFF, with the five bytes it leaves undefined as C1 controls. */
    private static List<String> highBytes() {
        List<String> glyphs = new ArrayList<>();
        for (int b = 0x80; b <= 0xFF; b++) {
            String s = new String(new byte[] {(byte) b}, java.nio.charset.Charset.forName("windows-1252"));
            glyphs.add(s.equals("\uFFFD") ? String.valueOf((char) b) : s);
        }
        return glyphs;
    }

    /** Converted text that still holds the glyph typed, a Latin letter or a high Latin-1 glyph was not converted. */
    private static boolean looksUnconverted(String glyph, String out) {
        for (char c : out.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
            if (c >= 0x80 && c <= 0xFF) return true;
            if (glyph.indexOf(c) >= 0) return true;
        }
        return false;
    }

    @Test
    void everyChanakyaByteAndKeyIsInTheTable() {
        Map<String, String> table = ChanakyaConverter.table();
        Set<String> layout = new LinkedHashSet<>(highBytes());
        for (char c = 'A'; c <= 'Z'; c++) layout.add(String.valueOf(c));
        for (char c = 'a'; c <= 'z'; c++) layout.add(String.valueOf(c));
        for (char c = '0'; c <= '9'; c++) layout.add(String.valueOf(c));
        for (char c : "`^_#%@${|}~".toCharArray()) layout.add(String.valueOf(c));
        List<String> missing = new ArrayList<>();
        for (String glyph : layout) {
            if (ChanakyaConverter.UNASSIGNED.contains(glyph)) continue;
            if (!table.containsKey(glyph)) missing.add(glyph + " U+" + Integer.toHexString(glyph.charAt(0)));
        }
        assertThat(missing).as("Chanakya glyphs with no entry").isEmpty();
        // The unassigned list stays small: it is the part of the chart no published table fills, not a bin.
        assertThat(ChanakyaConverter.UNASSIGNED.length()).isLessThanOrEqualTo(14);
    }

    @Test
    void everyChanakyaGlyphConvertsAndOnlyFillersVanish() {
        ChanakyaConverter converter = ChanakyaConverter.INSTANCE;
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : ChanakyaConverter.table().entrySet()) {
            String glyph = e.getKey();
            // Latin digits are what the Latin-digit keys draw.
            if (glyph.length() == 1 && "®vwxyz{|}~".contains(glyph)) {
                assertThat(converter.toUnicode(glyph)).containsOnlyDigits();
                continue;
            }
            String out = converter.toUnicode(glyph);
            if (e.getValue().isEmpty() != ChanakyaConverter.FILLERS.contains(glyph)) bad.add(glyph + " -> empty?");
            if (looksUnconverted(glyph, out)) bad.add(glyph + " -> " + out);
        }
        assertThat(bad).isEmpty();
        // The fillers vanish inside a word and nothing else does.
        assertThat(converter.toUnicode("·¤ï")).isEqualTo("क");
    }

    @Test
    void everyKrutiDevKeyOfThePublishedTableIsCovered() throws Exception {
        assertCovers(LegacyFont.KRUTIDEV, KrutiDevConverter.table());
    }

    @Test
    void walkmanCoversKrutiDevsKeysAndItsOwn() throws Exception {
        Map<String, String> table = WalkmanChanakyaConverter.table();
        assertCovers(LegacyFont.WALKMAN, table);
        // Its own glyphs, from the Walkman-Chanakya 905 tables: none left as Latin noise.
        for (String glyph : List.of("¶", "¸", "Â", "Ý", "Õ", "Õk", "Ú", "É", "Ì", "Î", "Ï", "Ñ", "Ó", "Ô", "Ö", "Ø",
                "¨", "©", "½", "Í", "¼", "¢", "µ", "”", "”k", "oQ", "iQ", "mQ", "OkQ", "IkQ", "o+Q", "i+Q", "jQ")) {
            String out = LegacyFont.WALKMAN.converter().toUnicode(glyph);
            assertThat(looksUnconverted(glyph, out)).as(glyph + " -> " + out).isFalse();
        }
        assertThat(LegacyFont.WALKMAN.converter().toUnicode("ð")).isEmpty();
    }

    /** The Kruti Dev table in the shared data (a published converter's, in its order), key by key. */
    private static void assertCovers(LegacyFont font, Map<String, String> table) throws Exception {
        Path path = SharedData.dir("legacy-fonts").resolve("krutidev010_k2u_ordered.tsv");
        assertThat(path).isRegularFile();
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("order\t")) continue;
            String[] cols = line.split("\t", -1);
            String key = cols[1].replace("\\\\", "\\");
            String value = cols[2];
            // Rows that rewrite keystrokes into other keystrokes (sas -> sa, Q+Z -> QZ+) are the converter's
            // clean-ups, not glyphs; "~ " is a virama before a space.
            if (value.chars().anyMatch(c -> c < 0x900 && Character.isLetter(c)) || key.endsWith(" ") || key.startsWith(" ")) {
                continue;
            }
            keys++;
            String out = font.converter().toUnicode(key);
            if (!table.containsKey(key) && (out.equals(key) || looksUnconverted(key, out))) missing.add(key + " -> " + out);
        }
        assertThat(keys).isGreaterThan(150);
        assertThat(missing).as(font + " keys of the published table left unconverted").isEmpty();
    }
}
