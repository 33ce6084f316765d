package ru.marketplace.keycloak.code.check;

import java.util.Optional;

/**
 * Normalises what the shopper typed into the code field: white space, dashes and dots that people (and
 * copy-paste from mail) put between digit groups are dropped, and any Unicode decimal digit (full-width,
 * Arabic-Indic, …) is read as its ASCII value. Anything else, or the wrong number of digits, is not a code.
 */
public final class CodeInput {

    /** Input longer than this is rejected unread: no code needs more, with separators, than this. */
    static final int MAX_RAW_LENGTH = 64;

    private CodeInput() {
    }

    public static Optional<String> normalise(String raw, int codeLength) {
        if (raw == null || raw.length() > MAX_RAW_LENGTH) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(codeLength);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '-' || cp == '.' || cp == '\u2010' || cp == '\u2011' || cp == '\u2013') {
                continue;
            }
            int digit = Character.digit(cp, 10);
            if (digit < 0 || Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
                return Optional.empty();
            }
            digits.append((char) ('0' + digit));
        }
        return digits.length() == codeLength ? Optional.of(digits.toString()) : Optional.empty();
    }
}
