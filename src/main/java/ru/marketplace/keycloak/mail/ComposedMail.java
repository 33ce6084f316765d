package ru.marketplace.keycloak.mail;

import java.util.HashMap;
import java.util.Map;

/**
 * A mail rendered once and kept for its retries. The SMTP settings are not kept: every attempt reads the realm's
 * current ones, so an admin who corrects the server's address or port during an outage heals the waiting mail.
 *
 * @param senderName the From display name in the mail's language, or {@code null} for the realm's
 */
public record ComposedMail(String address, String subject, String textBody, String htmlBody, String senderName) {

    /** The realm's SMTP settings with this mail's sender name. */
    public Map<String, String> smtpSettings(Map<String, String> realmSettings) {
        Map<String, String> settings = new HashMap<>(realmSettings);
        if (senderName != null) {
            settings.put("fromDisplayName", senderName);
        }
        return settings;
    }
}
