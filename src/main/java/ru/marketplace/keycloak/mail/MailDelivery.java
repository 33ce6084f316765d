package ru.marketplace.keycloak.mail;

import java.util.function.Consumer;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * Hands mail to this node's {@link DeliveryQueue} once the request's transaction has committed: a request that
 * rolls back sends nothing, and a user the request itself imported (LDAP) is already in the database when the
 * mail is composed.
 */
public interface MailDelivery extends Provider {

    /** Queues {@code request} after the commit. The request thread only hands it over. */
    void sendAfterCommit(MailRequest request);

    /**
     * Runs {@code record} (an event) after the commit, off the request thread, through a hand-off that costs the
     * request what {@link #sendAfterCommit} costs: a request that sends nothing looks like one that sends.
     */
    void recordAfterCommit(String realmId, Consumer<KeycloakSession> record);

    @Override
    default void close() {
    }
}
