package ru.marketplace.keycloak.reset.flow;

import ru.marketplace.keycloak.mail.PendingCodeMail;
import ru.marketplace.keycloak.i18n.CodeMessages;
import ru.marketplace.keycloak.mail.AccountMailer;
import ru.marketplace.keycloak.reset.settings.ResetKeys;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.i18n.LocalizedText;
import ru.marketplace.keycloak.theme.ThemeMessages;
import ru.marketplace.keycloak.code.limits.CodeLimits;
import ru.marketplace.keycloak.code.store.SingleUseObjectLimitStore;
import ru.marketplace.keycloak.reset.mail.ResetMailer;
import ru.marketplace.keycloak.reset.handoff.CodeStepHandOff;
import ru.marketplace.keycloak.reset.notme.NotMeLink;
import ru.marketplace.keycloak.events.EventReason;
import ru.marketplace.keycloak.code.issue.CodeIssuer;
import ru.marketplace.keycloak.code.issue.IssueOutcome;
import ru.marketplace.keycloak.reset.request.RecoveryAddress;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;
import ru.marketplace.keycloak.code.check.CheckOutcome;
import ru.marketplace.keycloak.code.check.CodeChecker;
import org.keycloak.storage.StorageId;

/**
 * The reset flow's screens «Восстановление пароля» and «Введите код из письма», as one execution so that
 * all its settings sit together in the admin console. Keycloak plumbing only: the decisions are made by
 * {@link CodeIssuer} and {@link CodeChecker}.
 *
 * <p>Errors are shown with {@code context.challenge}, never {@code failureChallenge}: the latter feeds
 * Keycloak's brute-force detector, and a stranger guessing reset codes must not lock the shopper's
 * password login. The flow keeps its own counters instead (see {@link CodeLimits}).
 */
public final class EmailCodeAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(EmailCodeAuthenticator.class);

    /** Form field naming what the shopper pressed. */
    static final String STEP = "step";
    static final String STEP_REQUEST = "request-code";
    static final String STEP_VERIFY = "verify-code";
    static final String STEP_RESEND = "resend-code";
    static final String STEP_CHANGE_ADDRESS = "change-address";
    static final String FIELD_EMAIL = "email";
    static final String FIELD_CODE = "code";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The winning request commits within milliseconds; past this the shopper is told the code was used. */
    private static final Duration WAIT_FOR_CONCURRENT_ACCEPTANCE = Duration.ofSeconds(3);
    /** How long a post Keycloak turned away waits for the simultaneous post's check to show up. */
    private static final Duration WAIT_FOR_A_DUPLICATES_TWIN = Duration.ofSeconds(1);

    /** Keycloak's note behind {@code context.getForwardedErrorMessage()} (AuthenticationProcessor's ForwardedFormMessageType.ERROR). */
    private static final String KEYCLOAK_FORWARDED_ERROR_NOTE = "fwMessageError";
    /** A code check that began this recently may still be answering a simultaneous post of the same form. */
    private static final Duration SIMULTANEOUS_CHECK = Duration.ofSeconds(3);
    /** How long a code check's answer is shown again to a post of the same form that Keycloak turned away. */
    private static final Duration REPEATED_ANSWER = Duration.ofSeconds(10);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Flow flow = new Flow(context);
        PendingCode pending = flow.state.pendingCode();
        if (flow.state.codeVerified()) {
            // the code was accepted by a request running alongside this one; only a concurrent post gets here
            flow.followTheAcceptance(pending, Instant.now());
        } else if (pending == null) {
            context.challenge(flow.screens.emailScreen(flow.state.typedAddress(), null));
        } else {
            flow.showCodeScreen(pending);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Flow flow = new Flow(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String step = form.getFirst(STEP);
        PendingCode pending = flow.state.pendingCode();
        if (STEP_REQUEST.equals(step)) {
            flow.requestCode(form.getFirst(FIELD_EMAIL));
        } else if (pending == null && flow.state.codeVerified()) {
            // the same form posted twice at once, and the other post's right code cleared the pending code first
            flow.followTheAcceptance(null, Instant.now());
        } else if (pending == null) {
            // a code step posted without a code in this session (stale tab, replay, skipped step): start over
            context.challenge(flow.screens.emailScreen(flow.state.typedAddress(), null));
        } else if (STEP_VERIFY.equals(step)) {
            flow.verifyCode(pending, form.getFirst(FIELD_CODE));
        } else if (STEP_RESEND.equals(step)) {
            flow.resendCode(pending);
        } else if (STEP_CHANGE_ADDRESS.equals(step)) {
            flow.state.clearPendingCode();
            context.challenge(flow.screens.emailScreen(pending.address(), null));
        } else {
            context.challenge(flow.screens.codeScreen(pending, Instant.now(), null, null, null));
        }
    }

    /** One request's worth of collaborators, built from the execution's settings. */
    private static final class Flow {
        private final AuthenticationFlowContext context;
        private final KeycloakSession session;
        private final RealmModel realm;
        private final ResetCodeSettings settings;
        private final ResetFlowState state;
        private final LocalizedText text;
        private final String supportEmail;
        private final ResetScreens screens;
        private final CodeLimits limits;
        /**
         * Keycloak turned this request's post away because the simultaneous post of the same form spent its one-time
         * action code, and redirected it here: a check of the code is under way in that post, even if it has not
         * yet recorded its start.
         */
        private final boolean turnedAwayDuplicate;

        Flow(AuthenticationFlowContext context) {
            this.context = context;
            this.session = context.getSession();
            this.realm = context.getRealm();
            this.settings = ResetStepSettings.of(session, context.getAuthenticatorConfig());
            this.state = new ResetFlowState(context.getAuthenticationSession());
            Locale locale = session.getContext().resolveLocale(null);
            this.text = new LocalizedText(locale, ThemeMessages.login(session, realm, locale));
            // the one support address of this request: on the screens, in the code mail and in the «пароль изменён» mail
            this.supportEmail = settings.supportEmailFor(realm.getSmtpConfig().get("from"));
            // read once: another request of the session may remove the note between two reads (issue 10's HTTP 500)
            FormMessage forwarded = context.getForwardedErrorMessage();
            this.turnedAwayDuplicate = forwarded != null && Messages.EXPIRED_ACTION.equals(forwarded.getMessage());
            this.screens = new ResetScreens(context, settings, text, supportEmail, keycloakErrorToShow(context, forwarded));
            this.limits = new CodeLimits(settings.rules(), SingleUseObjectLimitStore.of(session, ResetKeys.STORE_NAMESPACE));
        }

        /**
         * Reads Keycloak's forwarded error once, and removes it (see {@link ResetScreens}). «Сессия завершена.
         * Пожалуйста, войдите снова.» (expiredActionMessage) is what Keycloak forwards to a post whose one-time action
         * code the simultaneous post of the same form spent: untrue here, so not shown; the reset says itself what
         * became of that post.
         */
        private static FormMessage keycloakErrorToShow(AuthenticationFlowContext context, FormMessage forwarded) {
            if (forwarded == null) {
                return null;
            }
            context.getAuthenticationSession().removeAuthNote(KEYCLOAK_FORWARDED_ERROR_NOTE);
            return Messages.EXPIRED_ACTION.equals(forwarded.getMessage()) ? null : forwarded;
        }

        /**
         * The code screen on a page load. If a check of this session's code is under way in another request, this is
         * most likely the same form posted at the same moment, which Keycloak redirected here: it waits for that
         * check and shows its answer (or follows the accepted code) rather than a bare form.
         */
        void showCodeScreen(PendingCode pending) {
            Instant now = Instant.now();
            ResetFlowState.LastCheck last = state.lastCheck();
            Instant started = ResetFlowState.checkStarted(context.getAuthenticationSession());
            boolean recentCheckUnanswered = started != null && Duration.between(started, now).compareTo(SIMULTANEOUS_CHECK) < 0
                    && (last == null || last.at().isBefore(started));
            // a turned-away duplicate may read the session before the other post recorded its start: any answer
            // from the last few seconds is that post's
            boolean duplicateUnanswered = turnedAwayDuplicate
                    && (last == null || Duration.between(last.at(), now).compareTo(SIMULTANEOUS_CHECK) >= 0);
            if (recentCheckUnanswered || duplicateUnanswered) {
                Instant answeredAfter = recentCheckUnanswered ? started : now.minus(SIMULTANEOUS_CHECK);
                ConcurrentAcceptance concurrent = concurrentAcceptance();
                // a code check takes milliseconds; a turned-away form that is merely stale (the back button) waits briefly
                Optional<ConcurrentAcceptance.Decided> decided = concurrent.awaitCheckAfter(answeredAfter,
                        recentCheckUnanswered ? WAIT_FOR_CONCURRENT_ACCEPTANCE : WAIT_FOR_A_DUPLICATES_TWIN);
                if (decided.isPresent()) {
                    // this request only repeats the other's answer: writing back its older copy of the session would undo it
                    concurrent.discardThisRequestsWrites();
                    if (decided.get().nextStep() != null) {
                        context.challenge(Response.status(Response.Status.FOUND).location(decided.get().nextStep()).build());
                        return;
                    }
                    last = decided.get().answer();
                }
            }
            if (last != null && last.codeId().equals(pending.codeId()) && Duration.between(last.at(), now).compareTo(REPEATED_ANSWER) <= 0) {
                context.challenge(screens.codeScreen(pending, now, last.error(), null, last.attemptsRemaining()));
            } else {
                context.challenge(screens.codeScreen(pending, now, null, null, null));
            }
        }

        private ConcurrentAcceptance concurrentAcceptance() {
            return new ConcurrentAcceptance(session, realm, context.getAuthenticationSession(), context.getExecution().getId());
        }

        void requestCode(String typed) {
            RecoveryAddress address = RecoveryAddress.parse(typed);
            String errorKey = switch (address.kind()) {
                case EMPTY -> ResetMessages.EMAIL_REQUIRED;
                case PHONE -> ResetMessages.PHONE_NOT_SUPPORTED;
                case INVALID -> ResetMessages.EMAIL_INVALID;
                case EMAIL -> null;
            };
            if (errorKey != null) {
                String echo = typed == null || typed.length() > RecoveryAddress.MAX_LENGTH ? "" : typed.strip();
                context.challenge(screens.emailScreen(echo, new FormMessage(FIELD_EMAIL, errorKey)));
                return;
            }
            // a new address replaces any code of this session (the browser went back to the e-mail form)
            state.clearPendingCode();
            state.rememberTypedAddress(address.normalised());
            issue(address.normalised(), null);
        }

        void resendCode(PendingCode pending) {
            issue(pending.address(), pending);
        }

        private void issue(String address, PendingCode previous) {
            Instant now = Instant.now();
            AccountEligibility account = AccountEligibility.of(session, realm, address);
            // the queue gave up on the previous code's mail: the shopper need not wait out the cooldown for one that works
            String abandonedCodeId = previous == null ? null : state.deliveryAbandonedCodeId();
            IssueOutcome outcome = new CodeIssuer(settings.rules(), limits, RANDOM).issue(
                    address, account.userId(), account.storedEmail(), clientIp(), previous, abandonedCodeId, now);
            AccountMailer.Origin origin = new AccountMailer.Origin(realm.getId(),
                    context.getAuthenticationSession().getClient().getClientId(), clientIp(), text.locale());
            switch (outcome.status()) {
                case ISSUED -> {
                    state.savePendingCode(outcome.pending());
                    if (outcome.shouldSend()) {
                        new ResetMailer(session).sendCode(origin, account.user(), codeMailAttributes(outcome.code()),
                                NotMeLink.forAccount(session, realm, account.userId()), PendingCodeMail.of(context.getAuthenticationSession(), outcome.pending()));
                    } else {
                        new ResetMailer(session).recordNoAccount(origin, address, account.reason());
                    }
                    // where the code went is the screen's lead, worded the same on every render; only a resend adds a notice
                    FormMessage notice = previous == null ? null : new FormMessage(null, CodeMessages.CODE_RESENT);
                    context.challenge(screens.codeScreen(outcome.pending(), now, null, notice, null));
                }
                case COOLDOWN -> context.challenge(screens.codeScreen(previous, now,
                        new FormMessage(FIELD_CODE, CodeMessages.RESEND_COOLDOWN, text.waitTime(outcome.retryAfter())), null, null));
                case THROTTLED, LOCKED -> {
                    String key = outcome.status() == IssueOutcome.Status.LOCKED
                            ? CodeMessages.TOO_MANY_WRONG_CODES : CodeMessages.TOO_MANY_REQUESTS;
                    EventReason reason = EventReason.ofRefusedRequest(outcome.status());
                    context.getEvent().clone()
                            .detail(Details.EMAIL, address)
                            .detail(Details.REASON, reason.tag())
                            .error(reason.error());
                    FormMessage error = new FormMessage(previous == null ? FIELD_EMAIL : FIELD_CODE, key, text.waitTime(outcome.retryAfter()));
                    context.challenge(previous == null
                            ? screens.emailScreen(address, error)
                            : screens.codeScreen(previous, now, error, null, null));
                }
            }
        }

        void verifyCode(PendingCode pending, String typed) {
            Instant now = Instant.now();
            state.markCheckStarted(now);
            UserModel user = pending.forAccount() ? session.users().getUserById(realm, pending.accountId()) : null;
            String currentEmail = user == null || !user.isEnabled() ? null : user.getEmail();
            CheckOutcome outcome = new CodeChecker(settings.rules(), limits).check(pending, typed, currentEmail, now);
            if (outcome.attemptsUsed() > pending.attemptsUsed()) {
                // where this session's next attempt is tried first
                pending = pending.withAttemptsUsed(outcome.attemptsUsed());
                state.savePendingCode(pending);
            }
            if (outcome.status() == CheckOutcome.Status.ACCEPTED) {
                accept(user);
                return;
            }
            if (outcome.status() == CheckOutcome.Status.ALREADY_USED) {
                followTheAcceptance(pending, now);
                return;
            }
            CodeMessages.Refusal refusal = CodeMessages.refusal(outcome, settings.rules().codeLength(), text);
            if (outcome.status() != CheckOutcome.Status.MALFORMED) {
                // a malformed entry cannot be a guess: not counted, not recorded
                reject(pending, user, EventReason.ofRefusedCode(outcome.status()));
            }
            FormMessage error = new FormMessage(FIELD_CODE, refusal.key(), refusal.params());
            Integer attemptsRemaining = refusal.attemptsRemaining();
            // a simultaneous post of this form that Keycloak redirected to the code screen shows this same answer
            state.saveLastCheck(new ResetFlowState.LastCheck(pending.codeId(), now, error, attemptsRemaining));
            context.challenge(screens.codeScreen(pending, now, error, null, attemptsRemaining));
        }

        private void accept(UserModel user) {
            // verified before the pending code goes: a simultaneous post of this form that reads the session in
            // between must see an accepted code, never a session without a code (it would show the e-mail form)
            CodeStepHandOff.codeAccepted(context.getAuthenticationSession(), settings.signOutOtherSessions(), supportEmail,
                    settings.mailTimeZone());
            state.clearPendingCode();
            // the shopper proved control of the mailbox
            user.setEmailVerified(true);
            context.setUser(user);
            boolean federated = !StorageId.isLocalStorage(user.getId()) || user.isFederated();
            if (settings.forceLogin().appliesTo(federated)) {
                context.getAuthenticationSession().setAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS, "true");
            }
            if (hasSecondFactor(user)) {
                // Keycloak's own OTP or security-key page comes next and knows nothing of the reset: say why it is there
                context.setForwardedInfoMessage(ResetMessages.SECOND_FACTOR_NEXT);
            }
            // the password category makes Keycloak clear a temporary brute-force lockout, as its own reset does
            context.success(PasswordCredentialModel.TYPE);
        }

        /** What the realm export's conditional sub-flow asks for after the code: a one-time-password app or a security key. */
        private static boolean hasSecondFactor(UserModel user) {
            return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)
                    || user.credentialManager().isConfiguredFor(WebAuthnCredentialModel.TYPE_TWOFACTOR);
        }

        /** See {@link ConcurrentAcceptance}: this session's code was accepted by a request running alongside. */
        void followTheAcceptance(PendingCode pending, Instant now) {
            ConcurrentAcceptance acceptance = concurrentAcceptance();
            acceptance.discardThisRequestsWrites();
            Optional<URI> next = acceptance.awaitNextStep(WAIT_FOR_CONCURRENT_ACCEPTANCE);
            LOG.debugf("Code of reset session %s submitted twice at once; following the accepted one: %s",
                    context.getAuthenticationSession().getParentSession().getId(), next.isPresent());
            context.challenge(next.map(url -> Response.status(Response.Status.FOUND).location(url).build())
                    .orElseGet(() -> pending == null
                            ? screens.emailScreen(state.typedAddress(), null)
                            : screens.codeScreen(pending, now, new FormMessage(FIELD_CODE, CodeMessages.CODE_USED), null, 0)));
        }

        private void reject(PendingCode pending, UserModel user, EventReason reason) {
            var event = context.getEvent().clone()
                    .detail(Details.EMAIL, pending.address())
                    .detail(Details.REASON, reason.tag());
            if (user != null) {
                event.user(user).detail(Details.USERNAME, user.getUsername());
            }
            event.error(reason.error());
        }

        private Map<String, Object> codeMailAttributes(String code) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("code", code);
            attributes.put("codeLifetime", text.minutes(settings.rules().codeLifetime()));
            attributes.put("supportEmail", supportEmail);
            return attributes;
        }

        private String clientIp() {
            // Keycloak resolves the client address under its configured proxy-headers setting
            return context.getConnection().getRemoteAddr();
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing to set up: the flow needs only the e-mail address stored on the account
    }

    @Override
    public void close() {
        // stateless
    }
}
