package ru.marketplace.keycloak.reset.policy;

import java.text.Normalizer;

/**
 * What a password is made of, counted in one pass so that the composition rules cost well under a microsecond.
 *
 * <ul>
 *   <li><b>Length</b> counts Unicode code points, so an emoji or any other supplementary character is one
 *       character. Combining marks count as characters of their own, <em>after NFC normalisation</em>: «й»
 *       is one character whether the keyboard sent it precomposed (U+0439) or as «и» + U+0306, so the same
 *       visible password never passes on one device and fails on another; a mark with no precomposed form
 *       (e.g. «я̆») still counts. Multi-code-point emoji (families, flags) count each code point.</li>
 *   <li><b>Digits</b> are Unicode decimal digits (category Nd: 0–9 and other scripts' digits).</li>
 *   <li><b>Upper/lower case</b> letters are letters of category Lu/Ll, in any script: «Ж» and «ж» count.</li>
 *   <li><b>Cyrillic</b>: whether any letter comes from the Cyrillic blocks (U+0400–U+052F), the sign of a
 *       password typed with the Russian layout on.</li>
 *   <li><b>Control characters</b>: C0/C1 controls and DEL (category Cc: tab, line feed, NUL, …), the Unicode
 *       line and paragraph separators (U+2028, U+2029) and unpaired surrogates (broken UTF-16). Nobody types
 *       them on purpose; they come from pasting and make a password that cannot be typed again. Invisible
 *       format characters (Cf) are allowed inside a password, because emoji sequences need the zero-width
 *       joiner.</li>
 *   <li><b>Edge whitespace</b>: the first or last character is whitespace (including no-break and other
 *       Unicode spaces) or an invisible format character (zero-width space, BOM…), which a shopper cannot
 *       see and would not type again.</li>
 * </ul>
 */
public record PasswordComposition(int length, int digits, int upperCase, int lowerCase, boolean cyrillicLetters,
                                  boolean controlCharacters, boolean edgeWhitespace) {

    /** Counts the password's characters; {@code null} is treated as empty. */
    public static PasswordComposition of(CharSequence password) {
        if (password == null || password.length() == 0) {
            return new PasswordComposition(0, 0, 0, 0, false, false, false);
        }
        int size = password.length();
        int length = 0;
        int digits = 0;
        int upper = 0;
        int lower = 0;
        boolean cyrillic = false;
        boolean control = false;
        boolean composable = false;
        int first = -1;
        int last = -1;
        for (int i = 0; i < size; ) {
            char c = password.charAt(i++);
            int cp = c;
            if (Character.isHighSurrogate(c) && i < size && Character.isLowSurrogate(password.charAt(i))) {
                cp = Character.toCodePoint(c, password.charAt(i++));
            }
            if (first < 0) {
                first = cp;
            }
            last = cp;
            length++;
            switch (Character.getType(cp)) {
                case Character.UPPERCASE_LETTER -> {
                    upper++;
                    cyrillic |= isCyrillic(cp);
                }
                case Character.LOWERCASE_LETTER -> {
                    lower++;
                    cyrillic |= isCyrillic(cp);
                }
                case Character.DECIMAL_DIGIT_NUMBER -> digits++;
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.SURROGATE -> control = true;
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK ->
                        composable = true;
                case Character.OTHER_LETTER -> {
                    cyrillic |= isCyrillic(cp);
                    composable |= isHangulJamo(cp);
                }
                default -> {
                    // punctuation, symbols, spaces, emoji: they count towards the length only
                }
            }
        }
        if (composable) {
            length = nfcLength(password, length);
        }
        boolean edge = isInvisibleAtEdge(first) || isInvisibleAtEdge(last);
        return new PasswordComposition(length, digits, upper, lower, cyrillic, control, edge);
    }

    private static int nfcLength(CharSequence password, int rawLength) {
        if (Normalizer.isNormalized(password, Normalizer.Form.NFC)) {
            return rawLength;
        }
        String composed = Normalizer.normalize(password, Normalizer.Form.NFC);
        return composed.codePointCount(0, composed.length());
    }

    private static boolean isCyrillic(int cp) {
        return cp >= 0x0400 && cp <= 0x052F;
    }

    /** Conjoining jamo, which NFC composes into Hangul syllables. */
    private static boolean isHangulJamo(int cp) {
        return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
    }

    private static boolean isInvisibleAtEdge(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
    }
}
