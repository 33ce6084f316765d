package ru.marketplace.keycloak.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.jboss.logging.Logger;
import org.keycloak.common.enums.HostnameVerificationPolicy;
import org.keycloak.email.EmailAuthenticator;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.JSSETruststoreConfigurator;
import org.keycloak.utils.EmailValidationUtil;
import org.keycloak.utils.SMTPUtil;

/**
 * Sends a composed mail over a kept-open SMTP connection, with the realm's SMTP settings read as Keycloak's own
 * sender reads them (host, port, SSL, STARTTLS, Keycloak's truststore and hostname policy, timeouts, envelope
 * sender, UTF-8) and Keycloak's own authenticators (password from the vault, XOAUTH2 token). Keycloak's sender builds
 * a Jakarta Mail session and a connection for every mail; this one builds a session once per settings and keeps
 * connections in a {@link ConnectionPool}.
 */
final class PooledSmtpSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PooledSmtpSender.class);
    /** Settings that shape the message, not the connection: mails that differ only in these share connections. */
    private static final Set<String> MESSAGE_ONLY = Set.of("fromDisplayName", "replyTo", "replyToDisplayName");
    /** Sessions kept; realms rarely change their settings, and a session is only a settings holder. */
    private static final int MAX_SESSIONS = 256;

    private final Map<EmailAuthenticator.AuthenticatorType, EmailAuthenticator> authenticators;
    private final ConnectionPool<Map<String, String>, Transport> pool;
    private final Runnable connectionOpened;
    private final Map<Map<String, String>, Session> sessions = new ConcurrentHashMap<>();

    PooledSmtpSender(Map<EmailAuthenticator.AuthenticatorType, EmailAuthenticator> authenticators,
                     ConnectionPool.Limits limits, Runnable connectionOpened) {
        this.authenticators = authenticators;
        this.pool = new ConnectionPool<>(limits, System::nanoTime, PooledSmtpSender::quietlyClose);
        this.connectionOpened = connectionOpened;
    }

    void send(KeycloakSession keycloak, Map<String, String> config, ComposedMail mail) throws EmailException {
        boolean utf8 = "true".equals(config.get("allowutf8"));
        String to = address(mail.address(), utf8, "recipient");
        String from = address(config.get("from"), utf8, "sender");
        Map<String, String> key = connectionKey(config);
        Session session = session(keycloak, key, from);
        MimeMessage message = message(session, config, from, to, mail);
        ConnectionPool.Pooled<Transport> connection = pool.take(key)
                .filter(PooledSmtpSender::stillOpen)
                .orElse(null);
        if (connection == null) {
            connection = open(keycloak, session, config);
        }
        try {
            connection.connection().sendMessage(message, new Address[] {new InternetAddress(to)});
        } catch (MessagingException | RuntimeException e) {
            pool.failed(connection);
            throw new EmailException("The SMTP server did not take the mail", e);
        }
        pool.delivered(key, connection);
    }

    /** Closes the connections no mail used for the idle limit. */
    int closeIdle() {
        return pool.closeIdle();
    }

    int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        pool.closeAll();
    }

    private ConnectionPool.Pooled<Transport> open(KeycloakSession keycloak, Session session, Map<String, String> config)
            throws EmailException {
        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new EmailException("No SMTP transport", e);
        }
        EmailAuthenticator authenticator = authenticators.get("true".equals(config.get("auth"))
                ? EmailAuthenticator.AuthenticatorType.valueOf(config.getOrDefault("authType", "basic").toUpperCase(java.util.Locale.ROOT))
                : EmailAuthenticator.AuthenticatorType.NONE);
        try {
            authenticator.connect(keycloak, config, transport);
        } catch (EmailException | RuntimeException e) {
            quietlyClose(transport);
            throw e;
        }
        connectionOpened.run();
        return pool.opened(transport);
    }

    /** A kept connection the server may have closed meanwhile: Jakarta Mail asks with NOOP. */
    private static boolean stillOpen(ConnectionPool.Pooled<Transport> kept) {
        if (kept.connection().isConnected()) {
            return true;
        }
        quietlyClose(kept.connection());
        return false;
    }

    private static Map<String, String> connectionKey(Map<String, String> config) {
        Map<String, String> key = new TreeMap<>();
        config.forEach((name, value) -> {
            if (!MESSAGE_ONLY.contains(name) && value != null) {
                key.put(name, value);
            }
        });
        return Map.copyOf(key);
    }

    private Session session(KeycloakSession keycloak, Map<String, String> key, String from) {
        Session known = sessions.get(key);
        if (known != null) {
            return known;
        }
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear();
        }
        Session created = Session.getInstance(properties(keycloak, key, from));
        sessions.put(key, created);
        return created;
    }

    private static Properties properties(KeycloakSession keycloak, Map<String, String> config, String from) {
        Properties p = new Properties();
        putIfSet(p, "mail.smtp.host", config.get("host"));
        putIfSet(p, "mail.smtp.port", config.get("port"));
        boolean auth = "true".equals(config.get("auth"));
        boolean ssl = "true".equals(config.get("ssl"));
        boolean starttls = "true".equals(config.get("starttls"));
        if (auth) {
            p.setProperty("mail.smtp.auth", "true");
            if ("token".equals(config.get("authType"))) {
                p.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
            }
        }
        if ("true".equals(config.get("debug"))) {
            p.setProperty("mail.debug", "true");
        }
        if (ssl) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (starttls) {
            p.setProperty("mail.smtp.starttls.enable", "true");
        }
        if (ssl || starttls || auth) {
            putIfSet(p, "mail.smtp.ssl.protocols", supportedTlsProtocols());
            trustAsKeycloakDoes(keycloak, p);
        }
        p.setProperty("mail.smtp.timeout", config.getOrDefault("timeout", "10000"));
        p.setProperty("mail.smtp.connectiontimeout", config.getOrDefault("connectionTimeout", "10000"));
        p.setProperty("mail.smtp.writetimeout", config.getOrDefault("writeTimeout", "10000"));
        String envelopeFrom = config.get("envelopeFrom");
        if (envelopeFrom != null && !envelopeFrom.isBlank()) {
            p.setProperty("mail.smtp.from", envelopeFrom);
        }
        if ("true".equals(config.get("allowutf8"))) {
            p.setProperty("mail.mime.allowutf8", "true");
        }
        // without it Jakarta Mail looks up the local host name for a header: slow, and it reveals internal names
        p.setProperty("mail.from", from);
        return p;
    }

    /** Keycloak's truststore SPI decides which certificates and host names the mail server may present. */
    private static void trustAsKeycloakDoes(KeycloakSession keycloak, Properties p) {
        JSSETruststoreConfigurator truststore = new JSSETruststoreConfigurator(keycloak);
        SSLSocketFactory factory = truststore.getSSLSocketFactory();
        if (factory == null) {
            return;
        }
        p.put("mail.smtp.ssl.socketFactory", factory);
        boolean anyHost = truststore.getProvider().getPolicy() == HostnameVerificationPolicy.ANY;
        if (anyHost) {
            p.setProperty("mail.smtp.ssl.trust", "*");
        }
        p.setProperty("mail.smtp.ssl.checkserveridentity", Boolean.toString(!anyHost));
    }

    private static MimeMessage message(Session session, Map<String, String> config, String from, String to, ComposedMail mail)
            throws EmailException {
        boolean utf8 = "true".equals(config.get("allowutf8"));
        try {
            MimeMessage message = new MimeMessage(session);
            InternetAddress sender = named(from, config.get("fromDisplayName"));
            message.setFrom(sender);
            String replyTo = config.get("replyTo");
            message.setReplyTo(new Address[] {replyTo == null || replyTo.isBlank() ? sender
                    : named(address(replyTo, utf8, "reply-to"), config.get("replyToDisplayName"))});
            message.setHeader("To", to);
            message.setSubject(MimeUtility.encodeText(mail.subject(), StandardCharsets.UTF_8.name(), null));
            MimeMultipart alternatives = new MimeMultipart("alternative");
            if (mail.textBody() != null) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
                alternatives.addBodyPart(text);
            }
            if (mail.htmlBody() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(mail.htmlBody(), "text/html; charset=UTF-8");
                alternatives.addBodyPart(html);
            }
            message.setContent(alternatives);
            message.saveChanges();
            message.setSentDate(new Date());
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new EmailException("The mail could not be built", e);
        }
    }

    private static InternetAddress named(String address, String displayName) throws UnsupportedEncodingException,
            jakarta.mail.internet.AddressException {
        return displayName == null || displayName.isBlank() ? new InternetAddress(address)
                : new InternetAddress(address, displayName, StandardCharsets.UTF_8.name());
    }

    /** An address as Keycloak's sender accepts it: valid, and ASCII after IDN conversion unless UTF-8 is allowed. */
    private static String address(String address, boolean utf8, String role) throws EmailException {
        if (address == null || !EmailValidationUtil.isValidEmail(address)) {
            throw new EmailException("Invalid " + role + " address '" + address + "'");
        }
        if (utf8) {
            return address;
        }
        String ascii = SMTPUtil.convertIDNEmailAddress(address);
        if (ascii == null || !ascii.chars().allMatch(c -> c < 128)) {
            throw new EmailException("Invalid " + role + " address '" + address + "': UTF-8 in the local part needs "
                    + "'Allow UTF-8' in the realm's e-mail settings");
        }
        return ascii;
    }

    private static void putIfSet(Properties p, String name, String value) {
        if (value != null) {
            p.setProperty(name, value);
        }
    }

    private static String supportedTlsProtocols() {
        try {
            return String.join(" ", SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
        } catch (java.security.NoSuchAlgorithmException e) {
            LOG.warn("No default TLS context: the mail server's TLS protocols are left to Jakarta Mail", e);
            return null;
        }
    }

    private static void quietlyClose(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing an SMTP connection: %s", e.toString());
        }
    }
}
