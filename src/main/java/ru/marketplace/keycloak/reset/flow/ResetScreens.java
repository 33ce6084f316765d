package ru.marketplace.keycloak.reset.flow;

import java.time.Duration;
import java.time.Instant;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.i18n.BrandName;
import ru.marketplace.keycloak.i18n.LocalizedText;
import ru.marketplace.keycloak.mailbox.Webmail;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;

/**
 * Renders the two screens of the authenticator. Attribute names are the templates' contract:
 * {@code resetAddress}, {@code supportEmail}, {@code senderAddress}, {@code senderName}, {@code codeLength},
 * {@code codeLifetime}, {@code codeExpiresAt} (epoch seconds), {@code codeExpiresInSeconds}, {@code resendInSeconds}, {@code resendIn} (the
 * same wait in words), {@code codeUsable}, {@code attemptsRemaining}, and {@code webmailId} / {@code webmailUrl}
 * when the address belongs to a known webmail.
 */
final class ResetScreens {

    private final AuthenticationFlowContext context;
    private final ResetCodeSettings settings;
    private final LocalizedText text;
    private final String supportEmail;
    private final FormMessage keycloakError;

    /**
     * @param keycloakError an error Keycloak forwarded to this step (e.g. «Вы слишком долго бездействовали…» after
     *                      a timeout restarted the flow) to show on top of the screen, or null
     */
    ResetScreens(AuthenticationFlowContext context, ResetCodeSettings settings, LocalizedText text, String supportEmail,
                 FormMessage keycloakError) {
        this.context = context;
        this.settings = settings;
        this.text = text;
        this.supportEmail = supportEmail;
        this.keycloakError = keycloakError;
    }

    /** «Восстановление пароля»: the e-mail field, prefilled with {@code address}. */
    Response emailScreen(String address, FormMessage fieldError) {
        LoginFormsProvider form = common().setAttribute("resetAddress", address);
        if (fieldError != null) {
            form.addError(fieldError);
        }
        return form.createForm(ResetTemplates.EMAIL_SCREEN);
    }

    /** «Введите код из письма» for {@code pending}, with an optional error (tied to the code field) or notice. */
    Response codeScreen(PendingCode pending, Instant now, FormMessage error, FormMessage notice, Integer attemptsRemaining) {
        long resendIn = Math.max(0, Duration.between(now, pending.issuedAt().plus(settings.rules().resendCooldown())).toSeconds());
        LoginFormsProvider form = common()
                .setAttribute("resetAddress", pending.address())
                .setAttribute("codeLength", settings.rules().codeLength())
                .setAttribute("codeLifetime", text.minutes(settings.rules().codeLifetime()))
                .setAttribute("codeExpiresAt", pending.expiresAt().getEpochSecond())
                // whole seconds rounded up, so a page never calls the code dead before the server does
                .setAttribute("codeExpiresInSeconds", Math.max(0, (Duration.between(now, pending.expiresAt()).toMillis() + 999) / 1000))
                .setAttribute("resendInSeconds", resendIn)
                .setAttribute("resendIn", text.waitTime(Duration.ofSeconds(resendIn)))
                // false once only a new code helps (no attempts left, or expired): the screen then leads to «Получить новый код»
                .setAttribute("codeUsable", (attemptsRemaining == null || attemptsRemaining > 0) && now.isBefore(pending.expiresAt()));
        Webmail.forAddress(pending.address()).ifPresent(webmail -> form
                .setAttribute("webmailId", webmail.id())
                .setAttribute("webmailUrl", webmail.linkFor(pending.address(), senderAddress())));
        if (attemptsRemaining != null) {
            form.setAttribute("attemptsRemaining", attemptsRemaining);
        }
        if (error != null) {
            form.addError(error);
        } else if (notice != null) {
            form.setInfo(notice.getMessage(), notice.getParameters());
        }
        return form.createForm(ResetTemplates.CODE_SCREEN);
    }

    private LoginFormsProvider common() {
        String sender = senderAddress();
        // the From our mails carry (ResetMailer): the brand in the shopper's language when the realm has one
        String senderName = BrandName.sender(text::message, context.getRealm().getSmtpConfig().get("fromDisplayName"));
        LoginFormsProvider form = keycloakForm();
        if (keycloakError != null) {
            form.addError(keycloakError);
        }
        return form
                .setAttribute("supportEmail", supportEmail)
                .setAttribute("senderAddress", sender == null ? "" : sender)
                .setAttribute("senderName", senderName == null ? "" : senderName);
    }

    /**
     * What {@code context.form()} builds, without the message Keycloak forwarded to this step: {@code form()} reads
     * that note twice, and a simultaneous request of the same session that removes it in between makes the page fail
     * with HTTP 500 ({@code message.summary} null, issue 10). The authenticator reads the note once instead.
     */
    private LoginFormsProvider keycloakForm() {
        String accessCode = context.generateAccessCode();
        var request = context.getHttpRequest();
        return context.getSession().getProvider(LoginFormsProvider.class)
                .setAuthContext(context)
                .setAuthenticationSession(context.getAuthenticationSession())
                .setUser(context.getUser())
                .setActionUri(context.getActionUrl(accessCode))
                .setExecution(context.getExecution().getId())
                .setFormData("post".equalsIgnoreCase(request.getHttpMethod()) ? request.getDecodedFormParameters() : new MultivaluedHashMap<>())
                .setClientSessionCode(accessCode);
    }

    private String senderAddress() {
        return context.getRealm().getSmtpConfig().get("from");
    }
}
