package ru.marketplace.keycloak.reset.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.KeycloakServer;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.RealKeycloak;

/**
 * Base of the tests against the real server's {@code marketplace} realm: the server, its mail and admin API,
 * and the reset settings put back to the realm export's values (plus the test baseline) around every test.
 */
@RealKeycloak
abstract class MarketplaceRealmTest {

    protected KeycloakServer keycloak;
    protected MailCatcher mail;
    protected AdminApi admin;

    @BeforeEach
    final void connectAndResetSettings(KeycloakServer keycloak, MailCatcher mail, AdminApi admin) {
        this.keycloak = keycloak;
        this.mail = mail;
        this.admin = admin;
        ResetSettingsOverride.reset(admin);
    }

    @AfterEach
    final void restoreSettings() {
        ResetSettingsOverride.reset(admin);
    }
}
