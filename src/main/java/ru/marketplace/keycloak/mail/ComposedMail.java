package ru.marketplace.keycloak.mail;

import java.util.Map;

/**
 * A mail rendered once and kept for its retries: the SMTP settings are the realm's at composing time, with the
 * sender's display name already in the mail's language.
 */
public record ComposedMail(String address, String subject, String textBody, String htmlBody, Map<String, String> smtpConfig) {

    public ComposedMail {
        smtpConfig = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(smtpConfig)); // a realm setting may be null
    }
}
