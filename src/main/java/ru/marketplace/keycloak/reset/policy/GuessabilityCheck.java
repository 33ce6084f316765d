package ru.marketplace.keycloak.reset.policy;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses common and trivially guessable passwords that the composition rules let through («QWerty12»,
 * «PAssword1»), using zxcvbn's score: 0 (too guessable) to 4 (very unguessable).
 *
 * <p><b>One instance for the whole server</b> ({@link #shared()}): building zxcvbn reads its dictionaries
 * (about 94,000 words) and takes a few hundred milliseconds, so it happens once, on the first password that
 * needs it. Sharing is safe: zxcvbn4j 1.9.0's {@code Zxcvbn} keeps only a final {@code Context} of dictionaries
 * and keyboard graphs that no method writes after construction (plain {@code HashMap}s, read-only, published
 * through final fields), and {@code measure} builds its matchers and scoring state afresh on every call; the
 * library has no mutable static state.
 *
 * <p>What the score sees, besides zxcvbn's English dictionaries and keyboard patterns:
 * <ul>
 *   <li>the user's own data (username, e-mail and its parts, first and last name), so «Ivanov1990» for
 *       Ivanov scores low;</li>
 *   <li>for a password with Russian letters, the same keystrokes on Latin keys ({@link RussianKeyboard}):
 *       the password's score is the lower of the two, so «Пароль12» ("Gfhjkm12") is refused.</li>
 * </ul>
 *
 * <p><b>Only the first {@value #SCORED_CODE_POINTS} characters are scored.</b> zxcvbn4j's l33t matcher tries
 * every reading of the l33t characters present (up to several hundred) against every substring, so its cost
 * grows with the square of the length: a crafted 20-character password such as {@code ABcd4@({[<69!|$5+7%2}
 * takes 25–50 ms, 48 characters about 250 ms, 64 about 800 ms (an ordinary password: 50–200 µs). Scoring a prefix keeps the worst case at the
 * 20-character figure (the order of one PBKDF2 password hash, which every login attempt already costs) however
 * long the realm allows passwords to be. It errs on the safe side: characters after the prefix can only add
 * guesses, so a long password is never accepted because of its tail, only refused for a guessable start.
 */
public final class GuessabilityCheck {

    /** How much of a password zxcvbn sees; the default maximum length, so default passwords are scored whole. */
    public static final int SCORED_CODE_POINTS = 20;
    /** User data shorter than this makes no useful dictionary word (and "ru" would match too much). */
    private static final int SHORTEST_USER_WORD = 3;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Loads zxcvbn's dictionaries; prefer {@link #shared()}. */
    public GuessabilityCheck() {
    }

    /** The server-wide instance, built on first use. */
    public static GuessabilityCheck shared() {
        return Shared.INSTANCE;
    }

    /**
     * zxcvbn's score of the password's first {@value #SCORED_CODE_POINTS} characters: the lower of them as
     * typed and, if they have Russian letters, the same keys on the Latin layout.
     *
     * @param userInputs the user's username, e-mail, names; {@code null} elements are skipped
     */
    public int score(CharSequence password, Collection<String> userInputs) {
        List<String> dictionary = userWords(userInputs);
        CharSequence scored = prefix(password);
        int score = zxcvbn.measure(scored, dictionary).getScore();
        String latinKeys = RussianKeyboard.latinKeysOf(scored);
        if (latinKeys != null && score > 0) {
            score = Math.min(score, zxcvbn.measure(latinKeys, dictionary).getScore());
        }
        return score;
    }

    /** Whether the password scores below {@code minScore}; never for {@code minScore} 0. */
    public boolean isGuessable(CharSequence password, int minScore, Collection<String> userInputs) {
        return minScore > 0 && score(password, userInputs) < minScore;
    }

    /** The first {@value #SCORED_CODE_POINTS} code points (never half of a surrogate pair). */
    static CharSequence prefix(CharSequence password) {
        String text = password.toString();
        if (text.length() <= SCORED_CODE_POINTS || text.codePointCount(0, text.length()) <= SCORED_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SCORED_CODE_POINTS));
    }

    /**
     * The user's data as zxcvbn dictionary words: each value whole, its parts («ivan.petrov@mail.ru» gives
     * «ivan.petrov», «ivan», «petrov», «mail»), and the Latin keys of Cyrillic ones («Иван» gives «bdfy»).
     */
    static List<String> userWords(Collection<String> userInputs) {
        if (userInputs == null || userInputs.isEmpty()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String input : userInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            String value = input.strip();
            addWord(words, value);
            int at = value.indexOf('@');
            if (at > 0) {
                addWord(words, value.substring(0, at));
            }
            for (String part : NOT_LETTER_OR_DIGIT.split(value)) {
                addWord(words, part);
            }
        }
        List<String> withLatinKeys = new ArrayList<>(words);
        for (String word : words) {
            String latinKeys = RussianKeyboard.latinKeysOf(word);
            if (latinKeys != null) {
                withLatinKeys.add(latinKeys);
            }
        }
        return withLatinKeys;
    }

    private static void addWord(Set<String> words, String word) {
        if (word.codePointCount(0, word.length()) >= SHORTEST_USER_WORD) {
            words.add(word);
        }
    }

    /** Lazy holder: the JVM builds the instance once, on first access, without locking afterwards. */
    private static final class Shared {
        static final GuessabilityCheck INSTANCE = new GuessabilityCheck();
    }
}
