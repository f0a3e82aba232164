package org.taar.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 with the odd byte that is not UTF-8 read as windows-1252: for text that is UTF-8 except
 * where one part was pasted from a legacy editor ({@code don\x92t} in a Hindi UTF-8 feed). Reading
 * the whole document as windows-1252 would turn every real UTF-8 character into mojibake.
 */
final class Utf8OrWindows1252 extends Charset {
    static final Utf8OrWindows1252 INSTANCE = new Utf8OrWindows1252();

    private Utf8OrWindows1252() {
        super("x-taar-utf-8-or-windows-1252", null);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs.equals(this) || StandardCharsets.UTF_8.contains(cs);
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public CharsetEncoder newEncoder() {
        return StandardCharsets.UTF_8.newEncoder();
    }

    /** Length of the valid UTF-8 sequence at {@code i}; 0 when it is not one; -1 when the buffer ends inside it. */
    static int sequence(ByteBuffer in, int i, int limit) {
        int b = in.get(i) & 0xFF;
        int n;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        int cp = b & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            if (i + k >= limit) return -1;
            int c = in.get(i + k) & 0xFF;
            if ((c & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        return n;
    }

    private static final class Decoder extends CharsetDecoder {
        Decoder(Charset cs) {
            super(cs, 1.0f, 2.0f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            int limit = in.limit();
            while (in.position() < limit) {
                int i = in.position();
                int b = in.get(i) & 0xFF;
                if (b < 0x80) {
                    if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                    out.put((char) b);
                    in.position(i + 1);
                    continue;
                }
                int n = sequence(in, i, limit);
                if (n < 0) return CoderResult.UNDERFLOW; // the rest of the sequence is in the next buffer
                if (n == 0) {
                    int c = Mojibake.windows1252(b);
                    if (c < 0) c = b; // undefined in windows-1252: Latin-1's reading, a control dropped later
                    if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                    out.put((char) c);
                    in.position(i + 1);
                    continue;
                }
                byte[] seq = new byte[n];
                for (int k = 0; k < n; k++) seq[k] = in.get(i + k);
                String s = new String(seq, StandardCharsets.UTF_8);
                if (out.remaining() < s.length()) return CoderResult.OVERFLOW;
                out.put(s);
                in.position(i + n);
            }
            return CoderResult.UNDERFLOW;
        }
    }

    /** Counts the bytes' valid multi-byte UTF-8 sequences and the non-ASCII bytes that belong to none. */
    static int[] census(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequence(in, i, b.length);
            if (n > 0) {
                valid++;
                i += n;
            } else {
                invalid++;
                i++;
            }
        }
        return new int[] {valid, invalid};
    }
}
