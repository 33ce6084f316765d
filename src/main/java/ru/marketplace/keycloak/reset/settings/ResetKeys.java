package ru.marketplace.keycloak.reset.settings;

import ru.marketplace.keycloak.code.PendingCode;

/** Where the reset keeps its state: its namespace in Keycloak's single-use-object store and its session-note prefix. */
public final class ResetKeys {

    /** v2: the ring layout of the limits; entries of the first layout are never read again. */
    public static final String STORE_NAMESPACE = "mpr2:";
    /** The pending code and the notes the code step hands to the next steps. */
    public static final String NOTE_PREFIX = "mpReset.";
    public static final PendingCode.NoteNames CODE_NOTES = new PendingCode.NoteNames(NOTE_PREFIX);

    private ResetKeys() {
    }
}
