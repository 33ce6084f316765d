package ru.marketplace.keycloak.verifyemail.action;

import java.time.Instant;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;
import org.keycloak.userprofile.UserProfile;
import ru.marketplace.keycloak.code.PendingCode;

/**
 * «Подтвердите адрес почты»: the shopper confirms the account's address with a six-digit code from the code engine,
 * instead of Keycloak's VERIFY_EMAIL link (which opens in another browser, is followed by mail scanners and strands
 * app users). A right code marks the address verified and the login continues to the client.
 *
 * <p>It takes the place of Keycloak's VERIFY_EMAIL: it triggers where that would (the realm requires verified
 * addresses), after a registration (when «Verify new accounts» is on), and for an account an admin asked to verify
 * the address, replacing Keycloak's action on it. Keycloak's «Verify Email» should be disabled in Authentication →
 * Required actions, as the realm export does. The work is {@link AddressCodeStep}'s.
 */
public final class VerifyEmailCodeAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "marketplace-verify-email-code";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        // a storefront may ask for it with kc_action, e.g. before the first order
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (user.isEmailVerified() || Validation.isBlank(user.getEmail())) {
            return;
        }
        boolean keycloakWouldAsk = context.getRealm().isVerifyEmail();
        boolean adminAsked = user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.VERIFY_EMAIL.name()::equals);
        boolean justRegistered = "true".equals(context.getAuthenticationSession().getAuthNote(AuthenticationManager.NEW_USER_REGISTERED));
        if (keycloakWouldAsk || adminAsked
                || (justRegistered && AddressCodeStep.settings(context.getRealm(), context.getConfig()).verifyNewAccounts())) {
            user.addRequiredAction(PROVIDER_ID);
            // the code replaces Keycloak's link: one confirmation, not two
            user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
            context.getAuthenticationSession().removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        UserModel user = context.getUser();
        AddressCodeStep step = new AddressCodeStep(context, Purpose.VERIFY);
        if (user.isEmailVerified()) {
            step.clearNotes();
            context.success();
            return;
        }
        if (Validation.isBlank(user.getEmail())) {
            context.ignore();
            return;
        }
        PendingCode pending = step.pendingCode();
        if (pending != null && pending.address().equals(AddressCodeStep.normalised(user.getEmail()))) {
            // a reload, or back from the address form: the code already sent still counts
            context.challenge(step.codeScreen(pending, Instant.now(), null, null, null));
        } else {
            step.issue(user.getEmail(), null);
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        AddressCodeStep step = new AddressCodeStep(context, Purpose.VERIFY);
        if (user.isEmailVerified()) {
            step.clearNotes();
            context.success();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(AddressCodeStep.STEP);
        PendingCode pending = step.pendingCode();
        if (AddressCodeStep.STEP_CHANGE_ADDRESS.equals(action) && step.canChangeAddress()) {
            context.challenge(step.addressScreen(null, null));
        } else if (AddressCodeStep.STEP_SAVE_ADDRESS.equals(action) && step.canChangeAddress()) {
            replaceAddress(context, step, form.getFirst(AddressCodeStep.FIELD_EMAIL));
        } else if (pending == null || !pending.address().equals(AddressCodeStep.normalised(user.getEmail()))) {
            // no code for this address yet (a refused request, a changed address): send one
            step.issue(user.getEmail(), null);
        } else if (AddressCodeStep.STEP_VERIFY.equals(action)) {
            if (step.verify(pending, form.getFirst(AddressCodeStep.FIELD_CODE))) {
                user.setEmailVerified(true);
                step.clearNotes();
                context.getEvent().clone().event(EventType.VERIFY_EMAIL).detail(Details.EMAIL, user.getEmail()).success();
                context.success();
            }
        } else if (AddressCodeStep.STEP_RESEND.equals(action)) {
            step.issue(user.getEmail(), pending);
        } else {
            context.challenge(step.codeScreen(pending, Instant.now(), null, null, null));
        }
    }

    /** «Изменить адрес» on an unconfirmed address: replaced outright (nothing was proven about it), then a code to the new one. */
    private static void replaceAddress(RequiredActionContext context, AddressCodeStep step, String typed) {
        UserProfile profile = step.checkedNewAddress(typed);
        if (profile == null) {
            return;
        }
        UserModel user = context.getUser();
        String previous = user.getEmail();
        profile.update(false);
        user.setEmailVerified(false);
        context.getEvent().clone().event(EventType.UPDATE_EMAIL)
                .detail(Details.PREVIOUS_EMAIL, previous).detail(Details.UPDATED_EMAIL, user.getEmail()).success();
        step.clearCode();
        step.issue(user.getEmail(), null);
    }

    @Override
    public void close() {
        // stateless
    }
}
