package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdTokenCheckTest {

    private static final String ISSUER = "http://localhost:8080/realms/marketplace";
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void aTokenForThisClientAndLoginIsAccepted() {
        String token = jwt("{\"iss\":\"" + ISSUER + "\",\"aud\":\"storefront\",\"nonce\":\"n1\",\"exp\":1800000300,"
                + "\"given_name\":\"Анна\"}");
        assertEquals("Анна", IdTokenCheck.claims(token, ISSUER, "storefront", "n1", NOW).path("given_name").asText());
        String listAudience = token.replace(token.split("\\.")[1], payload("{\"iss\":\"" + ISSUER
                + "\",\"aud\":[\"other\",\"storefront\"],\"nonce\":\"n1\",\"exp\":1800000300}"));
        IdTokenCheck.claims(listAudience, ISSUER, "storefront", "n1", NOW);
    }

    @Test
    void eachMismatchIsRefusedWithItsReason() {
        assertRefused(claims("http://evil", "storefront", "n1", 1_800_000_300L), "издателем");
        assertRefused(claims(ISSUER, "other", "n1", 1_800_000_300L), "клиента");
        assertRefused(claims(ISSUER, "storefront", "n2", 1_800_000_300L), "nonce");
        assertRefused(claims(ISSUER, "storefront", "n1", 1_799_999_900L), "истёк");
    }

    private static void assertRefused(String claims, String reason) {
        OidcClient.OidcFailure failure = assertThrows(OidcClient.OidcFailure.class,
                () -> IdTokenCheck.claims(jwt(claims), ISSUER, "storefront", "n1", NOW));
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }

    private static String claims(String issuer, String audience, String nonce, long expiresAt) {
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"nonce\":\"" + nonce + "\",\"exp\":"
                + expiresAt + "}";
    }

    private static String jwt(String claims) {
        return payload("{\"alg\":\"RS256\"}") + "." + payload(claims) + ".signature";
    }

    private static String payload(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
