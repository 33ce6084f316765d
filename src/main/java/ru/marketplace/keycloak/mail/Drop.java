package ru.marketplace.keycloak.mail;

/**
 * Why a mail was not delivered. The name in lower case is the {@code reason} tag of the drop metric and the
 * event detail.
 */
public enum Drop {
    /** its code (or link) stopped being valid before a delivery succeeded: never sent late */
    EXPIRED,
    /** a newer code was issued for the same request */
    REPLACED,
    /** the code was already used */
    USED,
    /** the shopper cancelled it («Отменить этот код», «Это были не вы?») or the password changed */
    CANCELLED,
    /** the account or its e-mail address is gone */
    RECIPIENT_GONE,
    /** the mail server refused it permanently (5yz), or it cannot be sent at all */
    REFUSED,
    /** this node already holds its maximum of mails waiting for delivery */
    BACKLOG_FULL,
    /** the login session the mail belongs to ended (signed in, abandoned or timed out) */
    SESSION_ENDED,
    /** the node shut down while the mail waited */
    SHUTDOWN;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
