package ru.marketplace.keycloak.mail;

import java.util.List;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Renders a mail with Keycloak's FreeMarker e-mail templating (the realm's e-mail theme, its messages, its
 * locale rules) without sending it: the {@link DeliveryQueue} sends it, as often as it takes.
 *
 * <p>Keycloak's provider reads only the realm's one sender name; the composed mail carries {@code senderName}
 * (the brand in the mail's language), put in place of it when the mail is sent.
 */
public final class TemplatedMail {

    private TemplatedMail() {
    }

    public static ComposedMail compose(KeycloakSession session, UserModel recipient, String senderName, String subjectKey,
                                       String template, Map<String, Object> attributes) throws EmailException {
        return compose(session, recipient, null, senderName, subjectKey, template, attributes);
    }

    /**
     * @param address where the mail goes instead of the account's stored address (a new address not yet stored, or
     *                the old one after a change); null for the stored address
     */
    public static ComposedMail compose(KeycloakSession session, UserModel recipient, String address, String senderName,
                                       String subjectKey, String template, Map<String, Object> attributes) throws EmailException {
        Capturing templates = new Capturing(session, senderName);
        templates.setRealm(session.getContext().getRealm()).setUser(recipient);
        templates.send(subjectKey, List.of(), template, attributes, address);
        return templates.composed;
    }

    private static final class Capturing extends FreeMarkerEmailTemplateProvider {

        private final String senderName;
        private ComposedMail composed;

        Capturing(KeycloakSession session, String senderName) {
            super(session);
            this.senderName = senderName;
        }

        @Override
        protected void send(Map<String, String> config, String subject, String textBody, String htmlBody, String address) {
            composed = new ComposedMail(address != null ? address : user.getEmail(), subject, textBody, htmlBody, senderName);
        }
    }
}
