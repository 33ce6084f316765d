package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.policy.GuessabilityCheck;
import ru.marketplace.keycloak.reset.policy.PasswordChecker;
import ru.marketplace.keycloak.reset.policy.PasswordProblem;
import ru.marketplace.keycloak.reset.policy.PasswordRules;

/** The demo must start: Keycloak refuses to create the shopper if the password breaks the realm's policy. */
class DemoShopperTest {

    private static final Pattern MARKETPLACE_POLICY = Pattern.compile("marketplacePassword\\(([^)]*)\\)");

    @Test
    void theDemoPasswordPassesTheRealmExportsPolicy() throws IOException {
        Path realm = Path.of(System.getProperty("basedir", ".")).resolve("realm-export/marketplace-realm.json");
        String policy = new ObjectMapper().readTree(realm.toFile()).path("passwordPolicy").asText();
        Matcher configured = MARKETPLACE_POLICY.matcher(policy);
        assertTrue(configured.find(), () -> "the realm export no longer uses the marketplace policy: " + policy);

        DemoShopper anna = DemoShopper.ANNA;
        Optional<PasswordProblem> problem = new PasswordChecker(GuessabilityCheck::new).check(
                PasswordRules.parse(configured.group(1)), anna.password(),
                List.of(anna.username(), anna.email(), anna.firstName(), anna.lastName()));

        assertEquals(Optional.empty(), problem, "pick another DemoShopper password");
    }
}
