package ru.marketplace.keycloak.harness;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** Turns a received {@link MimeMessage} into a {@link ReceivedMail}: headers, RFC 2047 words, text and HTML parts. */
final class MimeMailDecoder {

    private MimeMailDecoder() {
    }

    static ReceivedMail decode(MimeMessage message, String deliveredTo, Instant fallbackReceivedAt) {
        try {
            Bodies bodies = new Bodies();
            collect(message, bodies);
            return new ReceivedMail(
                    firstAddress(message.getFrom()),
                    addresses(message.getRecipients(MimeMessage.RecipientType.TO)),
                    message.getSubject(),
                    bodies.text,
                    bodies.html,
                    receivedAt(message, fallbackReceivedAt),
                    deliveredTo,
                    Collections.list(message.getAllHeaderLines()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot decode the mail delivered to " + deliveredTo, e);
        }
    }

    static String decodeWords(String raw) {
        try {
            return MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    /** Addresses of the To, Cc and Bcc header lines (raw, as they arrived). */
    static List<String> addresses(List<String> rawHeaders) {
        List<String> result = new ArrayList<>();
        for (String folded : rawHeaders) {
            String line = folded.replaceAll("\r?\n[ \t]+", " ");
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("to") || name.equals("cc") || name.equals("bcc")) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(line.substring(colon + 1), false)) {
                        result.add(address.getAddress());
                    }
                } catch (AddressException e) {
                    result.add(line.substring(colon + 1).trim());
                }
            }
        }
        return result;
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        } else if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = textOf(part);
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = textOf(part);
        }
    }

    /**
     * Decodes the transfer encoding (quoted-printable, base64) through jakarta.mail, then the charset ourselves:
     * a part without a charset parameter is read as UTF-8, which is what Keycloak sends.
     */
    private static String textOf(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            bytes = out.toByteArray();
        }
        return new String(bytes, charsetOf(part));
    }

    private static Charset charsetOf(Part part) throws MessagingException {
        String contentType = part.getContentType();
        try {
            String charset = new jakarta.mail.internet.ContentType(contentType).getParameter("charset");
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(charset));
        } catch (jakarta.mail.internet.ParseException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Instant receivedAt(MimeMessage message, Instant fallback) throws MessagingException {
        Date received = message.getReceivedDate();
        return received == null ? fallback : received.toInstant();
    }

    private static String firstAddress(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
            }
        }
        return result;
    }

    private static final class Bodies {
        private String text;
        private String html;
    }
}
