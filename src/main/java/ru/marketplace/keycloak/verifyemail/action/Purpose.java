package ru.marketplace.keycloak.verifyemail.action;

import org.keycloak.events.EventType;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.verifyemail.settings.VerifyEmailKeys;

/**
 * What a code for an address confirms: the account's address as it stands (after a registration), or a new address
 * before it replaces the old one. The two differ in their notes, events and words; the engine, the limits (one
 * namespace for both) and the screens are the same.
 */
enum Purpose {

    VERIFY("verify", VerifyEmailKeys.CODE_NOTES, VerifyEmailKeys.DELIVERY_ABANDONED, EventType.VERIFY_EMAIL,
            EventType.VERIFY_EMAIL_ERROR, "marketplaceVerifyCodeMailSubject"),
    CHANGE("change", VerifyEmailKeys.CHANGE_CODE_NOTES, VerifyEmailKeys.CHANGE_DELIVERY_ABANDONED, EventType.UPDATE_EMAIL,
            EventType.UPDATE_EMAIL_ERROR, "marketplaceChangeCodeMailSubject");

    /** The templates' {@code verifyPurpose}: which title, lead and mail texts they show. */
    final String templateName;
    final PendingCode.NoteNames notes;
    final String deliveryAbandonedNote;
    /** Recorded when the right code is typed; its error type for a wrong one. */
    final EventType accepted;
    final EventType refused;
    final String mailSubject;

    Purpose(String templateName, PendingCode.NoteNames notes, String deliveryAbandonedNote, EventType accepted,
            EventType refused, String mailSubject) {
        this.templateName = templateName;
        this.notes = notes;
        this.deliveryAbandonedNote = deliveryAbandonedNote;
        this.accepted = accepted;
        this.refused = refused;
        this.mailSubject = mailSubject;
    }
}
