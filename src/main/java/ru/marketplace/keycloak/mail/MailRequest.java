package ru.marketplace.keycloak.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;

/**
 * A mail to deliver, as its sender describes it. Every callback runs off the request thread, in its own
 * transaction, with the realm set on the session's context and {@code locale} as the request's locale.
 *
 * @param kind        metric tag and log word, e.g. {@code reset-code}
 * @param realmId     the realm whose SMTP settings and templates apply
 * @param locale      the language the mail is written in
 * @param requestedAt when the shopper asked
 * @param deadline    no attempt starts at or after this (the code's expiry)
 * @param composer    renders the mail once, on the first attempt; {@code null} when the recipient is gone
 * @param stillWanted read before every attempt: empty while the mail is worth sending
 * @param outcome     told how it ended
 */
public record MailRequest(String kind, String realmId, Locale locale, Instant requestedAt, Instant deadline,
                          Composer composer, StillWanted stillWanted, Outcome outcome) {

    @FunctionalInterface
    public interface Composer {
        ComposedMail compose(KeycloakSession session) throws EmailException;
    }

    @FunctionalInterface
    public interface StillWanted {
        Optional<Drop> check(KeycloakSession session);

        StillWanted ALWAYS = session -> Optional.empty();
    }

    public interface Outcome {
        /** The first attempt failed for a reason that may pass; retries follow. */
        default void retrying(KeycloakSession session, String reason) {
        }

        void delivered(KeycloakSession session, int attempts);

        void dropped(KeycloakSession session, Drop reason, String detail, int attempts);

        Outcome NOTHING = new Outcome() {
            @Override
            public void delivered(KeycloakSession session, int attempts) {
            }

            @Override
            public void dropped(KeycloakSession session, Drop reason, String detail, int attempts) {
            }
        };
    }
}
