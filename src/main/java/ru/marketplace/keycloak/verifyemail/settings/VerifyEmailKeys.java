package ru.marketplace.keycloak.verifyemail.settings;

import ru.marketplace.keycloak.code.PendingCode;

/**
 * Where the address confirmations keep their state, apart from the reset's: one namespace in Keycloak's
 * single-use-object store for both (a verification and an address change count against the same hourly caps of an
 * account, and never against the reset's), and a session-note prefix each.
 */
public final class VerifyEmailKeys {

    public static final String STORE_NAMESPACE = "mpv1:";
    public static final String NOTE_PREFIX = "mpVerify.";
    public static final PendingCode.NoteNames CODE_NOTES = new PendingCode.NoteNames(NOTE_PREFIX);
    /** Id of the code whose mail the queue gave up on while it was valid: «Отправить код ещё раз» skips the cooldown. */
    public static final String DELIVERY_ABANDONED = NOTE_PREFIX + "deliveryAbandoned";
    /** An address change: the code for the new address, before it replaces the old one. */
    public static final String CHANGE_NOTE_PREFIX = "mpChange.";
    public static final PendingCode.NoteNames CHANGE_CODE_NOTES = new PendingCode.NoteNames(CHANGE_NOTE_PREFIX);
    public static final String CHANGE_DELIVERY_ABANDONED = CHANGE_NOTE_PREFIX + "deliveryAbandoned";

    private VerifyEmailKeys() {
    }
}
