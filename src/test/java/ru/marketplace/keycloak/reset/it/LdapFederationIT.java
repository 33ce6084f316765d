package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.marketplace.keycloak.harness.KeycloakLauncher;
import ru.marketplace.keycloak.harness.InMemoryLdapDirectory;
import ru.marketplace.keycloak.harness.LdapDirectory;
import ru.marketplace.keycloak.harness.OpenLdapDirectory;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * Shoppers whose accounts live in an LDAP directory (Keycloak's LDAP user federation pointed at OpenLDAP's slapd
 * and at UnboundID's in-memory server, both on loopback): a writable directory gets the new password written into it; a read-only one gets no
 * code, because no code could ever lead to a new password there, and the screen reads the same as for anyone.
 */
class LdapFederationIT extends MarketplaceRealmTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private LdapDirectory directory;
    private String componentId;

    /** The directories the federation is tested against. */
    enum Directory {
        /** OpenLDAP's slapd from the Debian package, as directories run in production. */
        OPENLDAP,
        /** UnboundID's in-memory server: a second, independent implementation of the protocol. */
        UNBOUNDID_IN_MEMORY;

        LdapDirectory start() {
            return this == OPENLDAP ? OpenLdapDirectory.start() : InMemoryLdapDirectory.start();
        }
    }

    @BeforeEach
    void onlyWithALocalKeycloak() {
        Assumptions.assumeTrue(keycloak instanceof KeycloakLauncher,
                "the directory listens on this machine's loopback, which a Keycloak container cannot reach");
    }

    @AfterEach
    void removeTheFederation() {
        // the shared server must not keep asking a directory that is gone
        if (componentId != null) {
            admin.delete("/admin/realms/" + ResetJourney.REALM + "/components/" + componentId)
                    .requireSuccess("Removing the LDAP federation");
        }
        if (directory != null) {
            directory.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Directory.class)
    void aWritableDirectoryReceivesTheNewPasswordAndTheShopperSignsInAgain(Directory kind, Shopper shopper) {
        directory = kind.start();
        federate("WRITABLE");
        String uid = "ldap-anna-" + unique();
        String email = uid + "@shop.example";
        String dn = directory.addPerson(uid, email, "Ldap0ldPass9", "Анна", "Иванова");

        Page codeScreen = requestCode(shopper, openReset(shopper), email);
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        Page passwordScreen = enterCode(shopper, codeScreen, codeFromMail(mail, email, 1));
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
        Page done = choosePassword(shopper, passwordScreen, ResetJourney.STRONG_PASSWORD, ResetJourney.STRONG_PASSWORD);

        // «Force login after reset» defaults to only-federated: a directory user signs in again
        assertFalse(done.isRedirect(), () -> "no authorization code for a federated user: " + done);
        assertEquals(200, done.status());
        assertTrue(directory.acceptsPassword(dn, ResetJourney.STRONG_PASSWORD), "the directory holds the new password");
        assertFalse(directory.acceptsPassword(dn, "Ldap0ldPass9"), "and no longer the old one");
        assertEquals("Ваш пароль изменён", mail.waitForMails(email, 2, ResetJourney.MAIL_WAIT).get(1).subject());
        assertTrue(ResetJourney.signIn(new Shopper(keycloak.baseUrl()), email, ResetJourney.STRONG_PASSWORD).isRedirect(),
                "Keycloak signs the shopper in against the directory");
        System.out.printf("[ldap] %s, writable: code mailed, new password bound in LDAP, old refused, sign-in again%n", directory);
    }

    @ParameterizedTest
    @EnumSource(Directory.class)
    void aReadOnlyDirectoryGetsNoCodeButTheSameScreen(Directory kind, Shopper shopper) {
        directory = kind.start();
        federate("READ_ONLY");
        String uid = "ldap-boris-" + unique();
        String email = uid + "@shop.example";
        String dn = directory.addPerson(uid, email, "Ldap0ldPass9", "Борис", "Смирнов");

        Page codeScreen = requestCode(shopper, openReset(shopper), email);
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        assertEquals("Мы отправили код на " + email + ", если этот адрес зарегистрирован у нас.", codeScreen.document().selectFirst("#mp-code-sent-to").text());
        ResetJourney.assertNoMailTo(mail, email, Duration.ofSeconds(2));
        assertTrue(directory.acceptsPassword(dn, "Ldap0ldPass9"), "the directory is untouched");

        JsonNode refusal = admin.events(ResetJourney.REALM, "RESET_PASSWORD_ERROR").stream()
                .filter(e -> email.equals(e.path("details").path("email").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no RESET_PASSWORD_ERROR for " + email));
        assertEquals("read_only_federation", refusal.path("details").path("reason").asText(), refusal::toString);
        System.out.printf("[ldap] %s, read-only: same code screen, no mail, event reason=%s%n", directory,
                refusal.path("details").path("reason").asText());
    }

    private void federate(String editMode) {
        componentId = admin.post("/admin/realms/" + ResetJourney.REALM + "/components",
                        directory.keycloakComponent("shoppers-directory-" + editMode.toLowerCase(java.util.Locale.ROOT), editMode))
                .requireSuccess("Adding the LDAP federation").createdId();
    }

    private static String unique() {
        return System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet();
    }
}
