package ru.marketplace.keycloak.reset.policy;

/**
 * One composition rule of {@link PasswordRules}; the order is the order in which messages name them.
 */
public enum PasswordRule {
    /** Between the minimum and the maximum number of characters (code points). */
    LENGTH,
    /** At least so many decimal digits. */
    DIGITS,
    /** At least so many upper-case letters. */
    UPPER_CASE,
    /** At least so many lower-case letters. */
    LOWER_CASE
}
