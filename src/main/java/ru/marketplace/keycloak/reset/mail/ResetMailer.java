package ru.marketplace.keycloak.reset.mail;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.theme.Theme;
import ru.marketplace.keycloak.reset.i18n.BrandName;
import ru.marketplace.keycloak.reset.notme.CancellationTokens;

/**
 * Sends the flow's e-mails off the request thread, each in its own transaction, once the request that asked for
 * it has committed.
 *
 * <p>Why: a synchronous SMTP conversation makes "Продолжить" measurably slower for an address that has
 * an account than for one that has not (Keycloak's own reset leaks ~58 ms this way). Every request of the
 * flow therefore hands exactly one job to the same executor, whether it sends a code or only records that
 * the address is unknown. A failed delivery is logged and recorded as an error event; nothing reaches the page.
 */
public final class ResetMailer {

    private static final Logger LOG = Logger.getLogger(ResetMailer.class);
    private static final String EXECUTOR = "marketplace-reset-mail";

    public static final String CODE_TEMPLATE = "marketplace-reset-code.ftl";
    public static final String CODE_SUBJECT = "marketplaceResetCodeMailSubject";
    public static final String CHANGED_TEMPLATE = "marketplace-password-changed.ftl";
    public static final String CHANGED_SUBJECT = "marketplacePasswordChangedMailSubject";

    /** Who asked, captured on the request thread: the background job has no HTTP request to read it from. */
    public record Origin(String realmId, String clientId, String ipAddress, Locale locale) {
    }

    private final KeycloakSession session;

    public ResetMailer(KeycloakSession session) {
        this.session = session;
    }

    /**
     * E-mails {@code code} to the address stored on {@code user}; records SEND_RESET_PASSWORD (or its error).
     * The «Это были не вы?» token is made here, off the request thread, like everything else only a real account gets.
     *
     * @param notMeEndpoint absolute URL of the «Это были не вы?» page, built on the request thread from Keycloak's
     *                      configured hostname; the mail links to it with a one-time token
     */
    public void sendCode(Origin origin, UserModel user, Map<String, Object> templateAttributes, String notMeEndpoint) {
        String userId = user.getId();
        submit(origin, background -> {
            UserModel recipient = background.users().getUserById(background.getContext().getRealm(), userId);
            if (recipient == null || recipient.getEmail() == null) {
                event(background, origin, EventType.SEND_RESET_PASSWORD).user(userId).error(Errors.USER_NOT_FOUND);
                return;
            }
            Map<String, Object> attributes = new java.util.HashMap<>(templateAttributes);
            String token = new CancellationTokens(background, background.getContext().getRealm()).issue(userId);
            attributes.put("notMeUrl", notMeEndpoint + "?token=" + token);
            try {
                mailer(background, recipient, origin, attributes).send(CODE_SUBJECT, List.of(), CODE_TEMPLATE, attributes);
                event(background, origin, EventType.SEND_RESET_PASSWORD).user(recipient)
                        .detail(Details.USERNAME, recipient.getUsername())
                        .detail(Details.EMAIL, recipient.getEmail())
                        .success();
            } catch (EmailException e) {
                LOG.warnf("Could not send the password-reset code e-mail to user %s: %s", userId, rootMessage(e));
                event(background, origin, EventType.SEND_RESET_PASSWORD).user(recipient)
                        .detail(Details.USERNAME, recipient.getUsername())
                        .detail(Details.EMAIL, recipient.getEmail())
                        .detail(Details.REASON, rootMessage(e))
                        .error(Errors.EMAIL_SEND_FAILED);
            }
        });
    }

    /** Records that a code was asked for an address without an eligible account, through the same executor as a real send. */
    public void recordNoAccount(Origin origin, String typedAddress, String reason) {
        submit(origin, background -> event(background, origin, EventType.RESET_PASSWORD)
                .detail(Details.EMAIL, typedAddress)
                .detail(Details.REASON, reason)
                .error(Errors.USER_NOT_FOUND));
    }

    /** Tells the account owner that the password was changed (NIST 800-63B 4.2.3: recovery SHALL notify). */
    public void sendPasswordChanged(Origin origin, UserModel user, Map<String, Object> templateAttributes) {
        String userId = user.getId();
        submit(origin, background -> {
            UserModel recipient = background.users().getUserById(background.getContext().getRealm(), userId);
            if (recipient == null || recipient.getEmail() == null) {
                return;
            }
            try {
                Map<String, Object> attributes = new java.util.HashMap<>(templateAttributes);
                mailer(background, recipient, origin, attributes).send(CHANGED_SUBJECT, List.of(), CHANGED_TEMPLATE, attributes);
            } catch (EmailException e) {
                LOG.warnf("Could not send the password-changed notification to user %s: %s", userId, rootMessage(e));
            }
        });
    }

    /**
     * Keycloak's mail templating for {@code recipient}, with the brand in the mail's language: {@code brandName} in
     * {@code attributes} for the templates, and as the From display name (Keycloak's own provider reads only the
     * realm's one sender name, so a subclass passes a copy of the e-mail settings with the localized one).
     */
    private EmailTemplateProvider mailer(KeycloakSession background, UserModel recipient, Origin origin,
                                         Map<String, Object> attributes) {
        RealmModel realm = background.getContext().getRealm();
        Function<String, String> messages = emailMessages(background, realm, origin.locale())::getProperty;
        attributes.put("brandName", BrandName.of(messages, realm.getDisplayName(), realm.getName()));
        EmailTemplateProvider configured = background.getProvider(EmailTemplateProvider.class);
        String sender = BrandName.sender(messages, realm.getSmtpConfig().get("fromDisplayName"));
        EmailTemplateProvider provider = configured instanceof FreeMarkerEmailTemplateProvider
                ? new LocalizedSenderTemplates(background, sender) : configured; // a custom provider keeps its own From
        return provider.setRealm(realm).setUser(recipient);
    }

    private static Properties emailMessages(KeycloakSession background, RealmModel realm, Locale locale) {
        try {
            return background.theme().getTheme(Theme.Type.EMAIL).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            LOG.warn("Could not read the e-mail theme's messages; the brand falls back to the realm's display name", e);
            return new Properties();
        }
    }

    /** Keycloak's FreeMarker mail templating, sending with the given From display name instead of the realm's. */
    private static final class LocalizedSenderTemplates extends FreeMarkerEmailTemplateProvider {

        private final String senderName;

        LocalizedSenderTemplates(KeycloakSession session, String senderName) {
            super(session);
            this.senderName = senderName;
        }

        @Override
        protected void send(String subject, String textBody, String htmlBody, String address) throws EmailException {
            Map<String, String> config = new java.util.HashMap<>(realm.getSmtpConfig());
            if (senderName != null) {
                config.put("fromDisplayName", senderName);
            }
            send(config, subject, textBody, htmlBody, address);
        }
    }

    private static EventBuilder event(KeycloakSession background, Origin origin, EventType type) {
        return new EventBuilder(background.getContext().getRealm(), background)
                .event(type)
                .client(origin.clientId())
                .ipAddress(origin.ipAddress());
    }

    private void submit(Origin origin, Consumer<KeycloakSession> job) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        Runnable task = () -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, background -> {
                    RealmModel realm = background.realms().getRealm(origin.realmId());
                    if (realm == null) {
                        return;
                    }
                    background.getContext().setRealm(realm);
                    // the locale was resolved on the request thread; the job has no request to resolve it from
                    background.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, origin.locale().toLanguageTag());
                    job.accept(background);
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "Password-reset background job failed in realm %s", origin.realmId());
            }
        };
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (!transaction.isActive()) {
            hand(executor, task);
            return;
        }
        // Only once the request's own writes are committed: a shopper from an LDAP directory is imported into
        // Keycloak by this very request, and a job started earlier would not find the account (measured in
        // LdapFederationIT). A request that rolls back announces nothing.
        transaction.enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                hand(executor, task);
            }

            @Override
            protected void rollbackImpl() {
                // the request failed: what the job would have sent did not happen
            }
        });
    }

    private static void hand(ExecutorService executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException overloaded) {
            LOG.warn("Password-reset mail executor is saturated; running the job on the request thread");
            task.run();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
