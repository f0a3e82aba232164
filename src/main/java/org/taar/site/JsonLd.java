package org.taar.site;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-LD for a page's head, serialized by Jackson so that it can go inside a script element
 * unescaped. Agency text can hold anything, so {@code <}, {@code >} and {@code &} are written
 * as JSON escapes (a "</script>" or "<!--" in a headline cannot end or confuse the element), and
 * so are U+2028 and U+2029, which older JavaScript parsers read as line ends. JSON has these
 * characters only inside strings, where the escapes mean the same.
 */
public final class JsonLd {
    private static final ObjectMapper JSON = mapper();

    private JsonLd() {}

    private static ObjectMapper mapper() {
        JsonFactory factory = new JsonFactory();
        factory.setCharacterEscapes(new ScriptSafe());
        return new ObjectMapper(factory);
    }

    /** A new, empty JSON-LD object to fill. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The object as JSON that can stand between {@code <script>} and {@code </script>} as it is. */
    public static String write(ObjectNode ld) {
        try {
            return JSON.writeValueAsString(ld);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; this would be a bug.
            throw new IllegalStateException(e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();
        private static final SerializedString LS = new SerializedString("\\u2028");
        private static final SerializedString PS = new SerializedString("\\u2029");

        ScriptSafe() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LS : ch == 0x2029 ? PS : null;
        }
    }
}
