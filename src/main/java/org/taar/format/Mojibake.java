package org.taar.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs the two ways feeds mangle text after their bytes were decoded: C1 control characters
 * (U+0080-U+009F) that stand for the windows-1252 punctuation they were typed as ({@code don\u0092t}
 * from a Latin-1 reading or a {@code &#146;} reference), and UTF-8 decoded as windows-1252 and
 * encoded again ({@code â€™} for {@code ’}, {@code Ã©} for {@code é}).
 *
 * <p>A double-encoded run is repaired only when the result is clearly better: the run is made of
 * characters windows-1252 (or Latin-1) can write, it is at least two of them, and its bytes in that
 * charset are valid UTF-8, every sequence of which is multi-byte. Text in scripts beyond Latin-1
 * (Devanagari, Arabic, Cyrillic...) never forms such a run, so it is never touched; nor is ordinary
 * Latin-1 text ("Café", "Straße"), whose bytes are not valid UTF-8.
 */
final class Mojibake {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The windows-1252 characters for bytes 0x80-0x9F; U+FFFD where the code page has none. */
    private static final char[] C1;

    static {
        C1 = new char[32];
        var decoder = WINDOWS_1252.newDecoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                .onMalformedInput(CodingErrorAction.REPORT);
        for (int i = 0; i < 32; i++) {
            try {
                C1[i] = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) (0x80 + i)})).charAt(0);
            } catch (CharacterCodingException e) {
                C1[i] = '\uFFFD';
            }
        }
    }

    private Mojibake() {}

    /** The windows-1252 character a C1 control stands for, or -1 when that byte has none (0x81, 0x8D, 0x8F, 0x90, 0x9D). */
    static int windows1252(int c1) {
        if (c1 < 0x80 || c1 > 0x9F) return c1;
        char c = C1[c1 - 0x80];
        return c == '\uFFFD' ? -1 : c;
    }

    /** The text with C1 controls mapped and double-encoded UTF-8 decoded; the same instance when nothing needed it. */
    static String repair(String s) {
        if (s == null || !hasNonAscii(s)) return s;
        // Double encoding first: its runs may hold C1 characters (UTF-8 read as Latin-1) that belong to them.
        String fixed = mapC1(undouble(s));
        return fixed.equals(s) ? s : fixed;
    }

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return true;
        return false;
    }

    private static String mapC1(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
                int m = windows1252(c);
                if (m >= 0) b.append((char) m);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String undouble(String s) {
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < s.length()) {
            if (!singleByte(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && singleByte(s.charAt(i))) i++;
            if (i - start < 2) continue;
            String decoded = decodedRun(s.substring(start, i));
            if (decoded == null) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, start).append(decoded);
            copied = i;
        }
        if (out == null) return s;
        return out.append(s, copied, s.length()).toString();
    }

    /** A non-ASCII character that windows-1252 writes as one byte (a Latin-1 letter or one of its punctuation marks). */
    private static boolean singleByte(char c) {
        if (c < 0x80) return false;
        if (c <= 0xFF) return true;
        return byteOf(c) >= 0;
    }

    /** The windows-1252 byte (0x80-0x9F) of one of its punctuation marks beyond Latin-1, or -1. */
    private static int byteOf(char c) {
        for (int i = 0; i < C1.length; i++) if (C1[i] == c && c != '\uFFFD') return 0x80 + i;
        return -1;
    }

    /** The run read as UTF-8, when its windows-1252 bytes are wholly valid multi-byte UTF-8; null otherwise. */
    private static String decodedRun(String run) {
        byte[] bytes = new byte[run.length()];
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            int b = c <= 0xFF ? c : byteOf(c);
            if (b < 0) return null;
            bytes[k] = (byte) b;
        }
        if (Text.invalidUtf8Offset(bytes) >= 0) return null;
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        // Every byte was non-ASCII, so a valid reading is made of multi-byte sequences only; a C1 or
        // unassigned result would be no improvement.
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if (c < 0xA0 || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE) {
                return null;
            }
        }
        return decoded;
    }
}
