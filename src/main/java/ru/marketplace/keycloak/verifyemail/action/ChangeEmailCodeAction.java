package ru.marketplace.keycloak.verifyemail.action;

import java.time.Instant;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfile;
import ru.marketplace.keycloak.code.PendingCode;

/**
 * An address change confirmed by a code sent to the new address before it replaces the old one; the old address then
 * gets «Адрес почты изменён» with the support contact. It takes Keycloak's UPDATE_EMAIL id, so the account console's
 * «Изменить» next to the e-mail (which asks for {@code kc_action=UPDATE_EMAIL}) and an admin's «Update Email» lead
 * here instead of to Keycloak's link; with «Update Email» enabled in Authentication → Required actions the address is
 * read-only in the account console and the update-profile step, so there is no way around the code.
 */
public final class ChangeEmailCodeAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = UserModel.RequiredAction.UPDATE_EMAIL.name();

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // asked for by the shopper (kc_action) or set by an admin, never by itself
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AddressCodeStep step = new AddressCodeStep(context, Purpose.CHANGE);
        PendingCode pending = step.pendingCode();
        context.challenge(pending == null
                ? step.addressScreen(null, null)
                : step.codeScreen(pending, Instant.now(), null, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AddressCodeStep step = new AddressCodeStep(context, Purpose.CHANGE);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(AddressCodeStep.STEP);
        PendingCode pending = step.pendingCode();
        if (AddressCodeStep.STEP_SAVE_ADDRESS.equals(action)) {
            UserProfile profile = step.checkedNewAddress(form.getFirst(AddressCodeStep.FIELD_EMAIL));
            if (profile != null) {
                step.clearCode();
                step.issue(profile.getAttributes().getFirst(UserModel.EMAIL), null);
            }
        } else if (pending == null || AddressCodeStep.STEP_CHANGE_ADDRESS.equals(action)) {
            context.challenge(step.addressScreen(pending == null ? null : pending.address(), null));
        } else if (AddressCodeStep.STEP_VERIFY.equals(action)) {
            if (step.verify(pending, form.getFirst(AddressCodeStep.FIELD_CODE))) {
                replace(context, step, pending.address());
            }
        } else if (AddressCodeStep.STEP_RESEND.equals(action)) {
            step.issue(pending.address(), pending);
        } else {
            context.challenge(step.codeScreen(pending, Instant.now(), null, null, null));
        }
    }

    /** The code proved the new mailbox: the address is replaced, verified, and the old one is told. */
    private static void replace(RequiredActionContext context, AddressCodeStep step, String newAddress) {
        // checked again: another account may have taken the address while the code was on its way
        UserProfile profile = step.checkedNewAddress(newAddress);
        if (profile == null) {
            step.clearCode();
            return;
        }
        UserModel user = context.getUser();
        String previous = user.getEmail();
        profile.update(false);
        user.setEmailVerified(true);
        user.removeRequiredAction(PROVIDER_ID);
        step.clearNotes();
        context.getEvent().clone().event(EventType.UPDATE_EMAIL)
                .detail(Details.PREVIOUS_EMAIL, previous).detail(Details.UPDATED_EMAIL, user.getEmail()).success();
        if (previous != null && !previous.isBlank()) {
            new VerifyEmailMailer(context.getSession()).sendChanged(step.origin(), user, previous, step.noticeAttributes(user.getEmail()));
        }
        context.success();
    }

    @Override
    public void close() {
        // stateless
    }
}
