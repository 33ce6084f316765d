package ru.marketplace.keycloak.reset.request;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the shopper typed into the e-mail field, classified and normalised.
 *
 * <p>Matching rule (documented in the README): surrounding white space is removed and the address is
 * lower-cased with {@link Locale#ROOT}; nothing else is folded. The normalised string is only used to
 * look the account up and to show it back; mail always goes to the address stored on the account.
 */
public record RecoveryAddress(Kind kind, String normalised) {

    public enum Kind {
        /** Nothing was typed. */
        EMPTY,
        /** A plausible e-mail address; {@link #normalised()} holds it. */
        EMAIL,
        /** Looks like a phone number: recovery by phone is not offered, and the screen says so. */
        PHONE,
        /** Anything else, including lists of addresses and header-injection attempts. */
        INVALID
    }

    /** Longer input is rejected before any processing: RFC 5321 caps a path at 254 characters. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]{7,24}");

    public static RecoveryAddress parse(String input) {
        if (input == null) {
            return new RecoveryAddress(Kind.EMPTY, "");
        }
        if (input.length() > MAX_LENGTH * 4) {
            return new RecoveryAddress(Kind.INVALID, "");
        }
        String trimmed = input.strip();
        if (trimmed.isEmpty()) {
            return new RecoveryAddress(Kind.EMPTY, "");
        }
        if (trimmed.length() > MAX_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            return new RecoveryAddress(Kind.INVALID, "");
        }
        if (PHONE.matcher(trimmed).matches() && trimmed.chars().filter(Character::isDigit).count() >= 7) {
            return new RecoveryAddress(Kind.PHONE, "");
        }
        String lowered = trimmed.toLowerCase(Locale.ROOT);
        int at = lowered.lastIndexOf('@');
        if (at <= 0 || at != lowered.indexOf('@') || at > 64 || at == lowered.length() - 1) {
            return new RecoveryAddress(Kind.INVALID, "");
        }
        String local = lowered.substring(0, at);
        String domain = lowered.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return new RecoveryAddress(Kind.INVALID, "");
        }
        return new RecoveryAddress(Kind.EMAIL, lowered);
    }

    public boolean isEmail() {
        return kind == Kind.EMAIL;
    }
}
