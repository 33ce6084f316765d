package ru.marketplace.keycloak.reset.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.marketplace.keycloak.harness.AdminApi;

/**
 * The comparison realm: Keycloak's default flows (reset-credentials: username → link by e-mail → new password), with
 * the project realm's password policy, SMTP server, events and brute-force settings copied, so that only the reset
 * flow differs. Its login theme is Keycloak's default.
 */
final class StockRealm {

    private StockRealm() {
    }

    static void create(AdminApi admin, JsonNode projectRealm) {
        JsonNode smtp = projectRealm.get("smtpServer");
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", Walks.STOCK_REALM);
        realm.put("enabled", true);
        realm.put("resetPasswordAllowed", true);
        realm.put("loginWithEmailAllowed", true);
        realm.put("duplicateEmailsAllowed", false);
        realm.put("passwordPolicy", projectRealm.path("passwordPolicy").asText());
        realm.put("eventsEnabled", projectRealm.path("eventsEnabled").asBoolean());
        realm.put("bruteForceProtected", projectRealm.path("bruteForceProtected").asBoolean());
        realm.put("smtpServer", Map.of("host", smtp.path("host").asText(), "port", smtp.path("port").asText(),
                "from", "no-reply@stock.example"));
        realm.put("clients", List.of(Map.of("clientId", Walks.STOCK_CLIENT, "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of("http://localhost:3000/*"))));
        admin.post("/admin/realms", realm).requireSuccess("Creating the stock realm " + Walks.STOCK_REALM);
    }
}
