package ru.marketplace.keycloak.reset.policy;

import java.util.List;

/**
 * A refusal as Keycloak shows it: a message key and its parameters, already in the reader's language
 * (Keycloak's {@code PolicyError} without the Keycloak type).
 */
public record RefusalMessage(String key, List<String> parameters) {

    public RefusalMessage {
        parameters = List.copyOf(parameters);
    }
}
