package ru.marketplace.keycloak.verifyemail.settings;

import ru.marketplace.keycloak.code.PendingCode;

/**
 * Where the address verification keeps its state, apart from the reset's: its own namespace in Keycloak's
 * single-use-object store (its counters never touch the reset's) and its own session-note prefix.
 */
public final class VerifyEmailKeys {

    public static final String STORE_NAMESPACE = "mpv1:";
    public static final String NOTE_PREFIX = "mpVerify.";
    public static final PendingCode.NoteNames CODE_NOTES = new PendingCode.NoteNames(NOTE_PREFIX);
    /** Id of the code whose mail the queue gave up on while it was valid: «Отправить код ещё раз» skips the cooldown. */
    public static final String DELIVERY_ABANDONED = NOTE_PREFIX + "deliveryAbandoned";

    private VerifyEmailKeys() {
    }
}
