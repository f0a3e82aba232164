package org.taar.text.legacy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells legacy-font Hindi (Latin bytes that are really Kruti Dev, Walkman-Chanakya or Chanakya glyphs) from
 * real Latin text. Converting English by mistake would destroy it, so it is conservative: it needs positive
 * evidence (the function words every Hindi sentence has, as these fonts spell them), no English function words,
 * and enough text to judge; anything else is left alone.
 */
public final class LegacyFontDetector {

    // है, में, के, की, का, और, से, ने, को, पर, यह, भी, कि, था, थी, हैं, नहीं, लिए, गया, किया, कहा, एक, ही, तो, वह, जो, इस, कर, हो
    private static final Set<String> KRUTI_WORDS = Set.of("gS", "esa", "ds", "dh", "dk", "vkSj", "ls", "dks",
            "ij", ";g", "Hkh", "fd", "Fkk", "Fkh", "gSa", "ugha", "fy,", "x;k", "fd;k", "dgk", ",d", "gh", "rks", "og",
            "tks", "bl", "dj", "gks", "Fks", ";s", "x;s", "x;h", "dqN", "vius", "viuh", "mUgksaus", "ftlls", "tc");
    // Walkman spells के as osQ and otherwise shares Kruti Dev's spellings of these words.
    private static final Set<String> WALKMAN_ONLY = Set.of("osQ", "oqQN", "fdlh", "mQij");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for",
            "on", "with", "as", "was", "by", "at", "from", "he", "she", "it", "said", "his", "her", "be", "are", "have",
            "has", "an", "this", "will", "not", "or", "but", "they", "were", "been", "after", "who", "which", "their",
            "would", "its", "we", "you", "i", "there", "also", "had", "more", "than", "about", "into", "over", "new",
            "all", "one", "two", "can", "up", "out", "no", "if", "so", "what", "when", "our", "my", "me", "do", "did",
            "hai", "ki", "ke", "ka", "se", "ko", "aur", "mein", "nahi", "bhi", "kya", "ye", "yeh");
    // Signs a Walkman text shows that Kruti Dev text never does.
    private static final Pattern WALKMAN_SIGNS = Pattern.compile("o[sSqw]?Q|mQ|ð|”");
    // Mojibake of UTF-8 Devanagari read as Latin-1 (à¤•) is a charset problem, not Chanakya.
    private static final Pattern MOJIBAKE = Pattern.compile("à[¤¥]");
    private static final Pattern INNER_CAPITAL = Pattern.compile("[a-z][A-Z]");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    // The e-mail case (an '@' after something, a '.' after something after it) is code: as the regex \S+@\S+\.
    // it backtracked over the whole token at each start, quadratic on a megabyte-long "word".
    private static final Pattern URLISH = Pattern.compile("(?i)(https?://|www\\.|\\.(com|org|in|net)\\b)");

    /** The font the text is typed in, or empty when it is Unicode, real Latin text, or too little to tell. */
    public Optional<LegacyFont> detect(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        int letters = 0, devanagari = 0, high = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isDigit(c)) continue;
            letters++;
            if (c >= '\u0900' && c <= '\u097F') devanagari++;
            else if (c >= 0x80) high++;
        }
        // Already Unicode Hindi (a few legacy words inside it are not worth the risk).
        if (devanagari * 5 > letters) return Optional.empty();
        if (high * 2 > letters) return chanakya(text, high);

        int tokens = 0, english = 0, kruti = 0, walkmanWords = 0;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            if (URLISH.matcher(raw).find() || isMailish(raw)) {
                english++;
                tokens++;
                continue;
            }
            tokens++;
            String word = trimPunctuation(raw);
            if (ENGLISH_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) english++;
            if (KRUTI_WORDS.contains(raw) || KRUTI_WORDS.contains(word)) kruti++;
            if (WALKMAN_ONLY.contains(raw) || WALKMAN_ONLY.contains(word)) walkmanWords++;
        }
        int hindi = kruti + walkmanWords;
        // Needs several tokens and a Hindi function word for every ten of them, and (almost) no English ones;
        // with a single function word, also the a-lower-then-upper spelling (ekSle, foHkkx) English rarely has.
        if (tokens < 3 || hindi < 1 || hindi * 10 < tokens || english * 20 > tokens) return Optional.empty();
        if (hindi < 2 && !INNER_CAPITAL.matcher(text).find()) return Optional.empty();
        Matcher w = WALKMAN_SIGNS.matcher(text);
        int walkman = walkmanWords;
        while (w.find()) walkman++;
        // "ds" is के in Kruti Dev; in Walkman के is osQ, so each vote for one is a vote against the other.
        int krutiOnly = count(text, "ds");
        return Optional.of(walkman > krutiOnly ? LegacyFont.WALKMAN : LegacyFont.KRUTIDEV);
    }

    /**
     * A weaker test for a short field (a headline) of an item already found to be legacy: no English word, not
     * Unicode, and the look of the font (a lower-case letter followed by a capital, or Chanakya's high bytes).
     */
    public boolean couldBe(String text) {
        if (text == null || text.isBlank()) return false;
        int high = 0, letters = 0;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            if (URLISH.matcher(raw).find() || isMailish(raw)) return false;
            if (ENGLISH_WORDS.contains(trimPunctuation(raw).toLowerCase(java.util.Locale.ROOT))) return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') return false;
            if (Character.isLetter(c) || c >= 0x80) letters++;
            if (c >= 0x80) high++;
        }
        return INNER_CAPITAL.matcher(text).find() || (letters > 0 && high * 2 > letters);
    }

    private static Optional<LegacyFont> chanakya(String text, int high) {
        int mojibake = 0;
        Matcher m = MOJIBAKE.matcher(text);
        while (m.find()) mojibake += 2;
        if (mojibake * 4 > high) return Optional.empty();
        // æ (the aa-stem), ç (pre-base i) and ð (e) are in nearly every Chanakya word and rare in any Latin text.
        int signs = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'æ' || c == 'ç' || c == 'ð' || c == '¢' || c == 'è') signs++;
        }
        return signs * 6 >= high && signs >= 2 ? Optional.of(LegacyFont.CHANAKYA) : Optional.empty();
    }

    private static int count(String text, String word) {
        int n = 0;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) if (trimPunctuation(m.group()).equals(word)) n++;
        return n;
    }

    // Kruti Dev uses , ; ' " . [ { | for letters, so only trim what no Hindi letter is typed with.
    private static boolean isMailish(String token) {
        int at = token.indexOf('@', 1);
        return at > 0 && token.lastIndexOf('.') >= at + 2;
    }

    private static String trimPunctuation(String s) {
        int a = 0, b = s.length();
        while (a < b && "()!?“”‘’".indexOf(s.charAt(a)) >= 0) a++;
        while (b > a && "()!?:“”‘’A-".indexOf(s.charAt(b - 1)) >= 0) b--;
        return s.substring(a, b);
    }

    /**
     * Converts text in the given font, leaving URLs and e-mail addresses inside it as they are (a reporter's
     * link typed in a Kruti Dev paragraph is still a link).
     */
    public static String convertSpans(String text, LegacyFont font) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = KEEP.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        while (m.find()) {
            out.append(font.converter().toUnicode(text.substring(last, m.start())));
            out.append(m.group());
            last = m.end();
        }
        out.append(font.converter().toUnicode(text.substring(last)));
        return out.toString();
    }

    private static final Pattern KEEP = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
}
