package ru.marketplace.keycloak.verifyemail.action;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
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
import ru.marketplace.keycloak.events.EventReason;
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
 * One request of an address confirmation (a verification or an address change): sends a code for an address, judges
 * a typed code, and renders «Подтвердите адрес почты» and the address form. Keycloak plumbing around the code engine,
 * shared by {@link VerifyEmailCodeAction} and {@link ChangeEmailCodeAction}.
 */
final class AddressCodeStep {

    private static final Logger LOG = Logger.getLogger(AddressCodeStep.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String TEMPLATE = "marketplace-verify-email.ftl";
    static final String STEP = "step";
    static final String STEP_VERIFY = "verify-code";
    static final String STEP_RESEND = "resend-code";
    static final String STEP_CHANGE_ADDRESS = "change-address";
    static final String STEP_SAVE_ADDRESS = "save-address";
    static final String FIELD_CODE = "code";
    static final String FIELD_EMAIL = "email";
    static final String ADDRESS_UNCHANGED = "marketplaceVerifyEmailSameAddress";

    private final RequiredActionContext context;
    private final Purpose purpose;
    private final KeycloakSession session;
    private final UserModel user;
    private final AuthenticationSessionModel authSession;
    private final VerifyEmailSettings settings;
    private final LocalizedText text;
    private final String supportEmail;
    private final CodeLimits limits;

    AddressCodeStep(RequiredActionContext context, Purpose purpose) {
        this.context = context;
        this.purpose = purpose;
        this.session = context.getSession();
        this.user = context.getUser();
        this.authSession = context.getAuthenticationSession();
        // an address change reads the verification's settings: its own config holds only Keycloak's maximum age
        this.settings = settings(context.getRealm(), purpose == Purpose.VERIFY ? context.getConfig() : null);
        Locale locale = session.getContext().resolveLocale(user);
        this.text = new LocalizedText(locale, ThemeMessages.login(session, context.getRealm(), locale));
        this.supportEmail = settings.supportEmailFor(context.getRealm().getSmtpConfig().get("from"));
        this.limits = new CodeLimits(settings.rules(), SingleUseObjectLimitStore.of(session, VerifyEmailKeys.STORE_NAMESPACE));
    }

    /**
     * The verification's settings (the gear of «Marketplace: verify e-mail with a code»), from {@code own} when the
     * verification itself runs, else read from the realm: an address change uses the same ones, since both confirm an
     * address under the same limits.
     */
    static VerifyEmailSettings settings(RealmModel realm, RequiredActionConfigModel own) {
        RequiredActionConfigModel config = own != null ? own : realm.getRequiredActionConfigByAlias(VerifyEmailCodeAction.PROVIDER_ID);
        VerifyEmailSettings settings = VerifyEmailSettings.parse(config == null ? null : config.getConfig());
        if (!settings.problems().isEmpty()) {
            // the console validates on save (the factory's validateConfig): only a config imported unchecked gets here
            LOG.debugf("Marketplace e-mail verification settings have invalid values, defaults used: %s",
                    String.join("; ", settings.problems()));
        }
        return settings;
    }

    static String normalised(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    PendingCode pendingCode() {
        return PendingCode.fromNotes(purpose.notes, authSession::getAuthNote);
    }

    void clearCode() {
        purpose.notes.codeOnly().forEach(authSession::removeAuthNote);
    }

    void clearNotes() {
        clearCode();
        authSession.removeAuthNote(purpose.notes.address());
        authSession.removeAuthNote(purpose.deliveryAbandonedNote);
    }

    /** Sends a code for {@code address} (replacing {@code previous}, or the first) and shows the code screen. */
    void issue(String address, PendingCode previous) {
        Instant now = Instant.now();
        String abandoned = previous == null ? null : authSession.getAuthNote(purpose.deliveryAbandonedNote);
        IssueOutcome outcome = new CodeIssuer(settings.rules(), limits, RANDOM)
                .issue(normalised(address), user.getId(), normalised(address), clientIp(), previous, abandoned, now);
        switch (outcome.status()) {
            case ISSUED -> {
                outcome.pending().toNotes(purpose.notes).forEach(authSession::setAuthNote);
                authSession.removeAuthNote(purpose.deliveryAbandonedNote);
                new VerifyEmailMailer(session).sendCode(purpose, origin(), user, address, codeMailAttributes(outcome.code()),
                        PendingCodeMail.of(authSession, outcome.pending()));
                FormMessage notice = previous == null ? null : new FormMessage(null, CodeMessages.CODE_RESENT);
                context.challenge(codeScreen(outcome.pending(), now, null, notice, null));
            }
            case COOLDOWN -> context.challenge(codeScreen(previous, now,
                    new FormMessage(FIELD_CODE, CodeMessages.RESEND_COOLDOWN, text.waitTime(outcome.retryAfter())), null, null));
            case THROTTLED, LOCKED -> {
                boolean locked = outcome.status() == IssueOutcome.Status.LOCKED;
                EventReason reason = EventReason.ofRefusedRequest(outcome.status());
                context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                        .detail(Details.EMAIL, address)
                        .detail(Details.REASON, reason.tag())
                        .error(reason.error());
                FormMessage error = new FormMessage(FIELD_CODE, locked ? CodeMessages.TOO_MANY_WRONG_CODES : CodeMessages.TOO_MANY_REQUESTS,
                        text.waitTime(outcome.retryAfter()));
                context.challenge(previous == null ? noCodeScreen(address, error) : codeScreen(previous, now, error, null, null));
            }
        }
    }

    /**
     * Judges {@code typed} against {@code pending}, bound to the address it was sent to. True when it is right (the
     * caller finishes the action); otherwise the answer is recorded and shown.
     */
    boolean verify(PendingCode pending, String typed) {
        Instant now = Instant.now();
        CheckOutcome outcome = new CodeChecker(settings.rules(), limits).check(pending, typed, pending.address(), now);
        if (outcome.attemptsUsed() > pending.attemptsUsed()) {
            pending = pending.withAttemptsUsed(outcome.attemptsUsed());
            pending.toNotes(purpose.notes).forEach(authSession::setAuthNote);
        }
        if (outcome.status() == CheckOutcome.Status.ACCEPTED) {
            return true;
        }
        CodeMessages.Refusal refusal = CodeMessages.refusal(outcome, settings.rules().codeLength(), text);
        if (outcome.status() != CheckOutcome.Status.MALFORMED) {
            // a malformed entry cannot be a guess: not counted, not recorded
            EventReason reason = EventReason.ofRefusedCode(outcome.status());
            context.getEvent().clone().event(purpose.refused)
                    .detail(Details.EMAIL, pending.address())
                    .detail(Details.REASON, reason.tag())
                    .error(reason.error());
        }
        context.challenge(codeScreen(pending, now, new FormMessage(FIELD_CODE, refusal.key(), refusal.params()), null,
                refusal.attemptsRemaining()));
        return false;
    }

    /**
     * The address typed into the address form, as the realm's user profile checks it (format, taken by another
     * account); null after showing the form again with the reason.
     */
    UserProfile checkedNewAddress(String typed) {
        String newEmail = typed == null ? "" : typed.strip();
        if (newEmail.equalsIgnoreCase(user.getEmail())) {
            context.challenge(addressScreen(newEmail, new FormMessage(FIELD_EMAIL, ADDRESS_UNCHANGED)));
            return null;
        }
        try {
            return UpdateEmail.validateEmailUpdate(session, user, newEmail);
        } catch (ValidationException invalid) {
            List<FormMessage> errors = Validation.getFormErrorsFromValidation(invalid.getErrors());
            context.challenge(addressScreen(newEmail, errors.isEmpty() ? null : errors.get(0)));
            return null;
        }
    }

    boolean canChangeAddress() {
        UserProfile profile = session.getProvider(UserProfileProvider.class).create(UserProfileContext.UPDATE_EMAIL, user);
        return !profile.getAttributes().isReadOnly(UserModel.EMAIL);
    }

    /** The code screen for {@code pending}, with an optional error (tied to the code field) or notice. */
    Response codeScreen(PendingCode pending, Instant now, FormMessage error, FormMessage notice, Integer attemptsRemaining) {
        long resendIn = Math.max(0, Duration.between(now, pending.issuedAt().plus(settings.rules().resendCooldown())).toSeconds());
        LoginFormsProvider form = common("code", pending.address())
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
    Response noCodeScreen(String address, FormMessage error) {
        return common("code", address)
                .setAttribute("codeSent", false)
                .setAttribute("codeLength", settings.rules().codeLength())
                .setAttribute("resendInSeconds", 0L)
                .setAttribute("resendIn", "")
                .setAttribute("codeUsable", false)
                .addError(error)
                .createForm(TEMPLATE);
    }

    /** The address form, prefilled with {@code typed} (the current address when null). */
    Response addressScreen(String typed, FormMessage error) {
        LoginFormsProvider form = common("address", user.getEmail())
                .setAttribute("newAddress", typed == null ? user.getEmail() : typed);
        if (error != null) {
            form.addError(new FormMessage(FIELD_EMAIL, error.getMessage(), error.getParameters()));
        }
        return form.createForm(TEMPLATE);
    }

    private LoginFormsProvider common(String mode, String address) {
        String sender = context.getRealm().getSmtpConfig().get("from");
        String senderName = BrandName.sender(text::message, context.getRealm().getSmtpConfig().get("fromDisplayName"));
        LoginFormsProvider form = context.form()
                .setAttribute("verifyPurpose", purpose.templateName)
                .setAttribute("verifyMode", mode)
                .setAttribute("verifyAddress", address)
                .setAttribute("currentAddress", user.getEmail())
                .setAttribute("canChangeAddress", purpose == Purpose.CHANGE || canChangeAddress())
                .setAttribute("supportEmail", supportEmail)
                .setAttribute("senderAddress", sender == null ? "" : sender)
                .setAttribute("senderName", senderName == null ? "" : senderName);
        Webmail.forAddress(address).ifPresent(webmail -> form
                .setAttribute("webmailId", webmail.id())
                .setAttribute("webmailUrl", webmail.linkFor(address, sender)));
        return form;
    }

    private Map<String, Object> codeMailAttributes(String code) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("codeLifetime", text.minutes(settings.rules().codeLifetime()));
        attributes.put("supportEmail", supportEmail);
        attributes.put("verifyPurpose", purpose.templateName);
        return attributes;
    }

    Map<String, Object> noticeAttributes(String newAddress) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("newAddress", newAddress);
        attributes.put("supportEmail", supportEmail);
        return attributes;
    }

    AccountMailer.Origin origin() {
        return new AccountMailer.Origin(context.getRealm().getId(), authSession.getClient().getClientId(), clientIp(), text.locale());
    }

    private String clientIp() {
        return context.getConnection().getRemoteAddr();
    }
}
