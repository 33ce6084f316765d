package ru.marketplace.keycloak.reset.flow;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import ru.marketplace.keycloak.events.EventReason;

/**
 * Whether a typed address belongs to an account that may get a reset code, and why not. The answer never reaches the
 * screen (an unknown address gets the same code screen as a known one); only the event records the reason.
 *
 * @param user   the account to send the code to; null when there is none
 * @param reason why not; null when there is an account
 */
record AccountEligibility(UserModel user, EventReason reason) {

    static AccountEligibility of(KeycloakSession session, RealmModel realm, String address) {
        UserModel user;
        try {
            // by e-mail only: an address that equals someone's username must not pick that user
            user = session.users().getUserByEmail(realm, address);
        } catch (ModelDuplicateException duplicates) {
            return refused(EventReason.DUPLICATE_EMAIL);
        }
        if (user == null) {
            return refused(EventReason.NO_ACCOUNT);
        }
        if (!user.isEnabled()) {
            return refused(EventReason.ACCOUNT_DISABLED);
        }
        if (user.getServiceAccountClientLink() != null) {
            return refused(EventReason.SERVICE_ACCOUNT);
        }
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return refused(EventReason.NO_EMAIL);
        }
        if (isReadOnlyFederated(realm, user)) {
            // the password lives in a directory Keycloak may not write to: a code could never lead to a new password
            return refused(EventReason.READ_ONLY_FEDERATION);
        }
        return new AccountEligibility(user, null);
    }

    private static AccountEligibility refused(EventReason reason) {
        return new AccountEligibility(null, reason);
    }

    /** LDAP and Kerberos federation keep their edit mode in the component's "editMode" setting. */
    private static boolean isReadOnlyFederated(RealmModel realm, UserModel user) {
        String link = user.getFederationLink();
        if (link == null) {
            return false;
        }
        ComponentModel provider = realm.getComponent(link);
        return provider != null && "READ_ONLY".equalsIgnoreCase(provider.get("editMode"));
    }

    String userId() {
        return user == null ? null : user.getId();
    }

    String storedEmail() {
        return user == null ? null : user.getEmail();
    }
}
