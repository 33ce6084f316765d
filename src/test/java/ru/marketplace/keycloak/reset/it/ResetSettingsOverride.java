package ru.marketplace.keycloak.reset.it;

import java.util.HashMap;
import java.util.Map;
import ru.marketplace.keycloak.harness.AdminApi;

/**
 * Changes the reset execution's settings through the admin API, as a realm admin would in the console.
 *
 * <p>All tests talk to one server from 127.0.0.1, so the per-IP cap (default 30 an hour) would throttle the
 * suite itself: the integration tests run with {@link #TEST_BASELINE}, and the tests of the IP cap lower it
 * explicitly.
 */
final class ResetSettingsOverride {

    static final Map<String, String> TEST_BASELINE = Map.of("maxCodeRequestsPerIpPerHour", "10000");

    private ResetSettingsOverride() {
    }

    static void apply(AdminApi admin, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(admin.executionConfig(ResetJourney.REALM, ResetJourney.FLOW, ResetJourney.AUTHENTICATOR));
        settings.putAll(TEST_BASELINE);
        settings.putAll(overrides);
        admin.updateExecutionConfig(ResetJourney.REALM, ResetJourney.FLOW, ResetJourney.AUTHENTICATOR, settings);
    }

    /** Back to the realm export's values plus the test baseline. */
    static void reset(AdminApi admin) {
        apply(admin, Map.of(
                "codeLength", "6", "codeLifetimeSeconds", "600", "maxAttemptsPerCode", "5", "resendCooldownSeconds", "60",
                "maxCodesPerAccountPerHour", "5", "maxWrongCodesPerAccountPerHour", "10", "forceLogin", "only-federated",
                "signOutOtherSessions", "true", "mailTimeZone", "Europe/Moscow"));
    }
}
