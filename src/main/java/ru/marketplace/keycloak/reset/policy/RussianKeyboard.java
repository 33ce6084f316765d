package ru.marketplace.keycloak.reset.policy;

/**
 * The Russian ЙЦУКЕН layout over the US QWERTY keys: «пароль» is what a shopper gets typing "gfhjkm" with the
 * Russian layout on, and the other way round. Leaked-password lists are full of Russian words typed on
 * Latin keys (zxcvbn's own list has «gfhjkm» at rank 88), so the guessability check also scores the Latin
 * keys of a Cyrillic password and of Cyrillic names: «Пароль12» is as weak as "Gfhjkm12".
 */
final class RussianKeyboard {

    private static final String RUSSIAN = "йцукенгшщзхъфывапролджэячсмитьбюё"
            + "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ";
    private static final String LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
            + "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~";
    private static final char FIRST = 'Ё';
    private static final char[] LATIN_BY_RUSSIAN = new char['ё' - FIRST + 1];

    static {
        for (int i = 0; i < RUSSIAN.length(); i++) {
            LATIN_BY_RUSSIAN[RUSSIAN.charAt(i) - FIRST] = LATIN.charAt(i);
        }
    }

    private RussianKeyboard() {
    }

    /**
     * The same keystrokes with the US layout on, or {@code null} when the text has no letter of the Russian
     * layout (so there is nothing else to score).
     */
    static String latinKeysOf(CharSequence text) {
        StringBuilder latin = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char key = c >= FIRST && c <= 'ё' ? LATIN_BY_RUSSIAN[c - FIRST] : 0;
            if (key != 0 && latin == null) {
                latin = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (latin != null) {
                latin.append(key != 0 ? key : c);
            }
        }
        return latin == null ? null : latin.toString();
    }
}
