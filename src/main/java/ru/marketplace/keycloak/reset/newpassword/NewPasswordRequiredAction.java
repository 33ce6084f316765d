package ru.marketplace.keycloak.reset.newpassword;

import ru.marketplace.keycloak.mail.AccountMailer;
import ru.marketplace.keycloak.reset.settings.ResetKeys;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import ru.marketplace.keycloak.reset.handoff.CodeStepHandOff;
import ru.marketplace.keycloak.code.limits.CodeRevocations;
import ru.marketplace.keycloak.code.store.SingleUseObjectLimitStore;
import ru.marketplace.keycloak.reset.mail.MailTime;
import ru.marketplace.keycloak.reset.mail.ResetMailer;
import ru.marketplace.keycloak.reset.policy.PasswordMessages;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;

/**
 * «Придумайте новый пароль»: the last step of the reset, reached only after the e-mail code was accepted.
 *
 * <p>Unlike Keycloak's UPDATE_PASSWORD, ending the account's other sessions (and offline tokens) is decided
 * server-side by the flow's settings, not by a checkbox the form may or may not post; and the owner is told
 * by e-mail that the password changed.
 */
public final class NewPasswordRequiredAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = CodeStepHandOff.NEW_PASSWORD_ACTION;
    public static final String TEMPLATE = "marketplace-new-password.ftl";
    static final String FIELD_NEW = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";
    static final String MISSING_PASSWORD = "marketplaceNewPasswordMissing";
    static final String PASSWORDS_DIFFER = "marketplaceNewPasswordMismatch";

    private final PasswordRulesView rulesView;

    NewPasswordRequiredAction(PasswordRulesView rulesView) {
        this.rulesView = rulesView;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        // only the reset flow may lead here: it is proof of mailbox control, not a self-service action
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // never required by a login (the reset authenticator adds it), but every login passes here: one made with
        // the current password shows the owner remembers it, so pending reset codes for the account are voided
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!CodeStepHandOff.codeVerified(authSession) && AuthenticatorUtil.isPasswordValidated(authSession)) {
            new CodeRevocations(SingleUseObjectLimitStore.of(context.getSession(), ResetKeys.STORE_NAMESPACE)).revoke(context.getUser().getId(), Instant.now());
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(form(context).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String passwordNew = formData.getFirst(FIELD_NEW);
        String passwordConfirm = formData.getFirst(FIELD_CONFIRM);

        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.PASSWORD)
                .user(user).detail(Details.USERNAME, user.getUsername());
        EventBuilder errorEvent = event.clone().event(EventType.UPDATE_CREDENTIAL_ERROR);

        if (passwordNew == null || passwordNew.isEmpty()) {
            errorEvent.error(Errors.PASSWORD_MISSING);
            context.challenge(form(context).addError(new FormMessage(FIELD_NEW, MISSING_PASSWORD)).createForm(TEMPLATE));
            return;
        }
        if (!passwordNew.equals(passwordConfirm)) {
            errorEvent.error(Errors.PASSWORD_CONFIRM_ERROR);
            context.challenge(form(context).addError(new FormMessage(FIELD_CONFIRM, PASSWORDS_DIFFER)).createForm(TEMPLATE));
            return;
        }
        try {
            // the realm's password policy (the marketplace rules when configured) is enforced here
            user.credentialManager().updateCredential(UserCredentialModel.password(passwordNew, false));
        } catch (ModelException refused) {
            errorEvent.detail(Details.REASON, refused.getMessage()).error(Errors.PASSWORD_REJECTED);
            LoginFormsProvider refusal = form(context)
                    .addError(new FormMessage(FIELD_NEW, refused.getMessage(), refused.getParameters()));
            if (PasswordMessages.isBreachRefusal(refused.getMessage())) {
                // the checklist cannot know this before the form is sent; after such a refusal it says so
                refusal.setAttribute("passwordBreachRefused", true);
            }
            Response challenge = refusal.createForm(TEMPLATE);
            context.challenge(challenge);
            return;
        }
        if (CodeStepHandOff.signOutOtherSessions(authSession)) {
            AuthenticatorUtil.logoutOtherSessions(context);
        }
        event.success();
        event.clone().event(EventType.UPDATE_PASSWORD).success();
        if (CodeStepHandOff.codeVerified(authSession)) {
            // reached through the e-mail code: record the completed recovery as Keycloak's own reset does
            event.clone().event(EventType.RESET_PASSWORD).detail(Details.EMAIL, user.getEmail()).success();
        }
        notifyOwner(context, user);
        context.success();
    }

    private LoginFormsProvider form(RequiredActionContext context) {
        LoginFormsProvider form = context.form().setAttribute("username", context.getUser().getUsername());
        rulesView.addTo(form, context.getSession(), context.getRealm(), context.getUser());
        return form;
    }

    private static void notifyOwner(RequiredActionContext context, UserModel user) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        AccountMailer.Origin origin = new AccountMailer.Origin(context.getRealm().getId(),
                authSession.getClient().getClientId(),
                context.getConnection().getRemoteAddr(),
                context.getSession().getContext().resolveLocale(user));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("changedAt", MailTime.describe(Instant.now(), mailTimeZone(authSession), origin.locale()));
        attributes.put("ipAddress", origin.ipAddress());
        String support = CodeStepHandOff.supportEmail(authSession);
        attributes.put("supportEmail", support == null ? "" : support);
        new ResetMailer(context.getSession()).sendPasswordChanged(origin, user, attributes);
    }

    private static ZoneId mailTimeZone(AuthenticationSessionModel authSession) {
        String zone = CodeStepHandOff.mailTimeZone(authSession);
        try {
            return zone == null ? ResetCodeSettings.defaults().mailTimeZone() : ZoneId.of(zone);
        } catch (DateTimeException unreadable) {
            // the note was written from validated settings; a zone dropped by a JDK update falls back quietly
            return ResetCodeSettings.defaults().mailTimeZone();
        }
    }

    @Override
    public void close() {
        // stateless
    }
}
