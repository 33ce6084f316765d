package ru.marketplace.keycloak.verifyemail.action;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.code.check.CheckOutcome;
import ru.marketplace.keycloak.code.check.CodeChecker;
import ru.marketplace.keycloak.code.issue.CodeIssuer;
import ru.marketplace.keycloak.code.issue.IssueOutcome;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.store.SingleUseObjectLimitStore;
import ru.marketplace.keycloak.i18n.BrandName;
import ru.marketplace.keycloak.i18n.CodeMessages;
import ru.marketplace.keycloak.i18n.LocalizedText;
import ru.marketplace.keycloak.mail.AccountMailer;
import ru.marketplace.keycloak.mail.PendingCodeMail;
import ru.marketplace.keycloak.mailbox.Webmail;
import ru.marketplace.keycloak.theme.ThemeMessages;
import ru.marketplace.keycloak.verifyemail.settings.VerifyEmailKeys;
import ru.marketplace.keycloak.verifyemail.settings.VerifyEmailSettings;

/**
 * «Подтвердите адрес почты»: the shopper confirms the account's address with a six-digit code from the code engine,
 * instead of Keycloak's VERIFY_EMAIL link (which opens in another browser, is followed by mail scanners and strands
 * app users). A right code marks the address verified and the login continues to the client.
 *
 * <p>It takes the place of Keycloak's VERIFY_EMAIL: it triggers where that would (the realm requires verified
 * addresses), after a registration (when «Verify new accounts» is on), and for an account an admin asked to verify
 * the address, replacing Keycloak's action on it. Keycloak's «Verify Email» should be disabled in Authentication →
 * Required actions, as the realm export does. Keycloak plumbing only: the decisions are {@link CodeIssuer}'s and
 * {@link CodeChecker}'s, with the same limits as the reset, counted apart from the reset's.
 */
public final class VerifyEmailCodeAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "marketplace-verify-email-code";

    private static final Logger LOG = Logger.getLogger(VerifyEmailCodeAction.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String TEMPLATE = "marketplace-verify-email.ftl";
    static final String STEP = "step";
    static final String STEP_VERIFY = "verify-code";
    static final String STEP_RESEND = "resend-code";
    static final String STEP_CHANGE_ADDRESS = "change-address";
    static final String STEP_SAVE_ADDRESS = "save-address";
    static final String STEP_KEEP_ADDRESS = "keep-address";
    static final String FIELD_CODE = "code";
    static final String FIELD_EMAIL = "email";

    static final String ADDRESS_UNCHANGED = "marketplaceVerifyEmailSameAddress";

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
        if (keycloakWouldAsk || adminAsked || (justRegistered && settings(context).verifyNewAccounts())) {
            user.addRequiredAction(PROVIDER_ID);
            // the code replaces Keycloak's link: one confirmation, not two
            user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
            context.getAuthenticationSession().removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (user.isEmailVerified()) {
            clearNotes(context.getAuthenticationSession());
            context.success();
            return;
        }
        if (Validation.isBlank(user.getEmail())) {
            context.ignore();
            return;
        }
        Request request = new Request(context);
        PendingCode pending = request.pendingCode();
        if (pending != null && pending.address().equals(request.address())) {
            // a reload, or back from the address form: the code already sent still counts
            context.challenge(request.codeScreen(pending, Instant.now(), null, null, null));
        } else {
            request.issue(null);
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (context.getUser().isEmailVerified()) {
            clearNotes(context.getAuthenticationSession());
            context.success();
            return;
        }
        Request request = new Request(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String step = form.getFirst(STEP);
        PendingCode pending = request.pendingCode();
        if (STEP_CHANGE_ADDRESS.equals(step) && request.canChangeAddress()) {
            context.challenge(request.addressScreen(null, null));
        } else if (STEP_SAVE_ADDRESS.equals(step) && request.canChangeAddress()) {
            request.changeAddress(form.getFirst(FIELD_EMAIL));
        } else if (pending == null || !pending.address().equals(request.address())) {
            // no code for this address yet (a refused request, a changed address): send one
            request.issue(null);
        } else if (STEP_VERIFY.equals(step)) {
            request.verify(pending, form.getFirst(FIELD_CODE));
        } else if (STEP_RESEND.equals(step)) {
            request.issue(pending);
        } else {
            context.challenge(request.codeScreen(pending, Instant.now(), null, null, null));
        }
    }

    private static VerifyEmailSettings settings(RequiredActionContext context) {
        RequiredActionConfigModel config = context.getConfig();
        VerifyEmailSettings settings = VerifyEmailSettings.parse(config == null ? null : config.getConfig());
        if (!settings.problems().isEmpty()) {
            // the console validates on save (the factory's validateConfig): only a config imported unchecked gets here
            LOG.debugf("Marketplace e-mail verification settings have invalid values, defaults used: %s",
                    String.join("; ", settings.problems()));
        }
        return settings;
    }

    private static void clearNotes(AuthenticationSessionModel authSession) {
        VerifyEmailKeys.CODE_NOTES.codeOnly().forEach(authSession::removeAuthNote);
        authSession.removeAuthNote(VerifyEmailKeys.CODE_NOTES.address());
        authSession.removeAuthNote(VerifyEmailKeys.DELIVERY_ABANDONED);
    }

    /** One request's worth of collaborators. */
    private static final class Request {
        private final RequiredActionContext context;
        private final KeycloakSession session;
        private final UserModel user;
        private final AuthenticationSessionModel authSession;
        private final VerifyEmailSettings settings;
        private final LocalizedText text;
        private final String supportEmail;
        private final CodeLimits limits;

        Request(RequiredActionContext context) {
            this.context = context;
            this.session = context.getSession();
            this.user = context.getUser();
            this.authSession = context.getAuthenticationSession();
            this.settings = settings(context);
            Locale locale = session.getContext().resolveLocale(user);
            this.text = new LocalizedText(locale, ThemeMessages.login(session, context.getRealm(), locale));
            this.supportEmail = settings.supportEmailFor(context.getRealm().getSmtpConfig().get("from"));
            this.limits = new CodeLimits(settings.rules(), SingleUseObjectLimitStore.of(session, VerifyEmailKeys.STORE_NAMESPACE));
        }

        /** The account's address as codes are issued for it. */
        String address() {
            return user.getEmail().strip().toLowerCase(Locale.ROOT);
        }

        PendingCode pendingCode() {
            return PendingCode.fromNotes(VerifyEmailKeys.CODE_NOTES, authSession::getAuthNote);
        }

        void issue(PendingCode previous) {
            Instant now = Instant.now();
            String abandoned = previous == null ? null : authSession.getAuthNote(VerifyEmailKeys.DELIVERY_ABANDONED);
            IssueOutcome outcome = new CodeIssuer(settings.rules(), limits, RANDOM)
                    .issue(address(), user.getId(), user.getEmail(), clientIp(), previous, abandoned, now);
            switch (outcome.status()) {
                case ISSUED -> {
                    outcome.pending().toNotes(VerifyEmailKeys.CODE_NOTES).forEach(authSession::setAuthNote);
                    authSession.removeAuthNote(VerifyEmailKeys.DELIVERY_ABANDONED);
                    new VerifyEmailMailer(session).sendCode(origin(), user, codeMailAttributes(outcome.code()),
                            PendingCodeMail.of(authSession, outcome.pending()));
                    FormMessage notice = previous == null ? null : new FormMessage(null, CodeMessages.CODE_RESENT);
                    context.challenge(codeScreen(outcome.pending(), now, null, notice, null));
                }
                case COOLDOWN -> context.challenge(codeScreen(previous, now,
                        new FormMessage(FIELD_CODE, CodeMessages.RESEND_COOLDOWN, text.waitTime(outcome.retryAfter())), null, null));
                case THROTTLED, LOCKED -> {
                    boolean locked = outcome.status() == IssueOutcome.Status.LOCKED;
                    context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                            .detail(Details.EMAIL, user.getEmail())
                            .detail(Details.REASON, locked ? "wrong_code_limit" : "code_request_limit")
                            .error(Errors.SLOW_DOWN);
                    FormMessage error = new FormMessage(FIELD_CODE, locked ? CodeMessages.TOO_MANY_WRONG_CODES : CodeMessages.TOO_MANY_REQUESTS,
                            text.waitTime(outcome.retryAfter()));
                    context.challenge(previous == null ? noCodeScreen(error) : codeScreen(previous, now, error, null, null));
                }
            }
        }

        void verify(PendingCode pending, String typed) {
            Instant now = Instant.now();
            CheckOutcome outcome = new CodeChecker(settings.rules(), limits).check(pending, typed, user.getEmail(), now);
            if (outcome.attemptsUsed() > pending.attemptsUsed()) {
                pending = pending.withAttemptsUsed(outcome.attemptsUsed());
                pending.toNotes(VerifyEmailKeys.CODE_NOTES).forEach(authSession::setAuthNote);
            }
            FormMessage error;
            Integer attemptsRemaining = null;
            String reason;
            String eventError = Errors.INVALID_CODE;
            switch (outcome.status()) {
                case ACCEPTED -> {
                    user.setEmailVerified(true);
                    clearNotes(authSession);
                    context.getEvent().clone().event(EventType.VERIFY_EMAIL).detail(Details.EMAIL, user.getEmail()).success();
                    context.success();
                    return;
                }
                case MALFORMED -> {
                    context.challenge(codeScreen(pending, now,
                            new FormMessage(FIELD_CODE, CodeMessages.CODE_MALFORMED, settings.rules().codeLength()), null, null));
                    return;
                }
                case WRONG -> {
                    reason = "wrong_code";
                    attemptsRemaining = outcome.attemptsRemaining();
                    error = attemptsRemaining > 0
                            ? new FormMessage(FIELD_CODE, CodeMessages.CODE_WRONG, text.counted(CodeMessages.ATTEMPTS_LEFT, attemptsRemaining))
                            : new FormMessage(FIELD_CODE, CodeMessages.CODE_WRONG_LAST);
                }
                case EXPIRED -> {
                    reason = "expired_code";
                    eventError = Errors.EXPIRED_CODE;
                    error = new FormMessage(FIELD_CODE, CodeMessages.CODE_EXPIRED);
                }
                case EXHAUSTED -> {
                    reason = "attempts_exhausted";
                    attemptsRemaining = 0;
                    error = new FormMessage(FIELD_CODE, CodeMessages.CODE_EXHAUSTED);
                }
                case LOCKED -> {
                    reason = "wrong_code_limit";
                    eventError = Errors.SLOW_DOWN;
                    attemptsRemaining = 0;
                    error = new FormMessage(FIELD_CODE, CodeMessages.TOO_MANY_WRONG_CODES, text.waitTime(outcome.retryAfter()));
                }
                case ALREADY_USED -> {
                    reason = "code_used";
                    attemptsRemaining = 0;
                    error = new FormMessage(FIELD_CODE, CodeMessages.CODE_USED);
                }
                default -> {
                    // REVOKED: nothing revokes verification codes; treated as a dead code
                    reason = "code_revoked";
                    attemptsRemaining = 0;
                    error = new FormMessage(FIELD_CODE, CodeMessages.CODE_EXHAUSTED);
                }
            }
            context.getEvent().clone().event(EventType.VERIFY_EMAIL)
                    .detail(Details.EMAIL, user.getEmail())
                    .detail(Details.REASON, reason)
                    .error(eventError);
            context.challenge(codeScreen(pending, now, error, null, attemptsRemaining));
        }

        /** «Изменить адрес» sent: validated by the realm's user profile (format, duplicates), then a code to the new one. */
        void changeAddress(String typed) {
            String newEmail = typed == null ? "" : typed.strip();
            if (newEmail.equalsIgnoreCase(user.getEmail())) {
                context.challenge(addressScreen(newEmail, new FormMessage(FIELD_EMAIL, ADDRESS_UNCHANGED)));
                return;
            }
            UserProfile profile;
            try {
                profile = UpdateEmail.validateEmailUpdate(session, user, newEmail);
            } catch (ValidationException invalid) {
                List<FormMessage> errors = Validation.getFormErrorsFromValidation(invalid.getErrors());
                context.challenge(addressScreen(newEmail, errors.isEmpty() ? null : errors.get(0)));
                return;
            }
            String previous = user.getEmail();
            profile.update(false);
            // an unconfirmed address is replaced outright: nothing was proven about it
            user.setEmailVerified(false);
            context.getEvent().clone().event(EventType.UPDATE_EMAIL)
                    .detail(Details.PREVIOUS_EMAIL, previous).detail(Details.UPDATED_EMAIL, user.getEmail()).success();
            VerifyEmailKeys.CODE_NOTES.codeOnly().forEach(authSession::removeAuthNote);
            issue(null);
        }

        boolean canChangeAddress() {
            UserProfile profile = session.getProvider(UserProfileProvider.class).create(UserProfileContext.UPDATE_EMAIL, user);
            return !profile.getAttributes().isReadOnly(UserModel.EMAIL);
        }

        /** The code screen for {@code pending}, with an optional error (tied to the code field) or notice. */
        Response codeScreen(PendingCode pending, Instant now, FormMessage error, FormMessage notice, Integer attemptsRemaining) {
            long resendIn = Math.max(0, Duration.between(now, pending.issuedAt().plus(settings.rules().resendCooldown())).toSeconds());
            LoginFormsProvider form = common("code")
                    .setAttribute("codeSent", true)
                    .setAttribute("codeLength", settings.rules().codeLength())
                    .setAttribute("codeLifetime", text.minutes(settings.rules().codeLifetime()))
                    .setAttribute("codeExpiresInSeconds", Math.max(0, (Duration.between(now, pending.expiresAt()).toMillis() + 999) / 1000))
                    .setAttribute("resendInSeconds", resendIn)
                    .setAttribute("resendIn", text.waitTime(Duration.ofSeconds(resendIn)))
                    .setAttribute("codeUsable", (attemptsRemaining == null || attemptsRemaining > 0) && now.isBefore(pending.expiresAt()));
            if (error != null) {
                form.addError(error);
            } else if (notice != null) {
                form.setInfo(notice.getMessage(), notice.getParameters());
            }
            return form.createForm(TEMPLATE);
        }

        /** No code could be sent (a limit): the screen says why and offers to try again. */
        Response noCodeScreen(FormMessage error) {
            return common("code")
                    .setAttribute("codeSent", false)
                    .setAttribute("codeLength", settings.rules().codeLength())
                    .setAttribute("resendInSeconds", 0L)
                    .setAttribute("resendIn", "")
                    .setAttribute("codeUsable", false)
                    .addError(error)
                    .createForm(TEMPLATE);
        }

        Response addressScreen(String typed, FormMessage error) {
            LoginFormsProvider form = common("address").setAttribute("newAddress", typed == null ? user.getEmail() : typed);
            if (error != null) {
                form.addError(new FormMessage(FIELD_EMAIL, error.getMessage(), error.getParameters()));
            }
            return form.createForm(TEMPLATE);
        }

        private LoginFormsProvider common(String mode) {
            String sender = context.getRealm().getSmtpConfig().get("from");
            String senderName = BrandName.sender(text::message, context.getRealm().getSmtpConfig().get("fromDisplayName"));
            LoginFormsProvider form = context.form()
                    .setAttribute("verifyMode", mode)
                    .setAttribute("verifyAddress", user.getEmail())
                    .setAttribute("canChangeAddress", canChangeAddress())
                    .setAttribute("supportEmail", supportEmail)
                    .setAttribute("senderAddress", sender == null ? "" : sender)
                    .setAttribute("senderName", senderName == null ? "" : senderName);
            Webmail.forAddress(user.getEmail()).ifPresent(webmail -> form
                    .setAttribute("webmailId", webmail.id())
                    .setAttribute("webmailUrl", webmail.linkFor(user.getEmail(), sender)));
            return form;
        }

        private Map<String, Object> codeMailAttributes(String code) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("code", code);
            attributes.put("codeLifetime", text.minutes(settings.rules().codeLifetime()));
            attributes.put("supportEmail", supportEmail);
            return attributes;
        }

        private AccountMailer.Origin origin() {
            return new AccountMailer.Origin(context.getRealm().getId(), authSession.getClient().getClientId(), clientIp(), text.locale());
        }

        private String clientIp() {
            return context.getConnection().getRemoteAddr();
        }
    }

    @Override
    public void close() {
        // stateless
    }
}
