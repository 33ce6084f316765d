package ru.marketplace.keycloak.harness;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One message as a recipient's mailbox received it, decoded for assertions.
 *
 * @param from        the sender's address, e.g. {@code no-reply@marketplace.test} (display name: {@link #decodedHeader})
 * @param to          the addresses of the {@code To} header
 * @param subject     decoded from RFC 2047
 * @param text        the {@code text/plain} part decoded to a string, or {@code null} if the mail has none
 * @param html        the {@code text/html} part decoded to a string, or {@code null} if the mail has none
 * @param receivedAt  when the SMTP server stored it
 * @param deliveredTo the envelope recipient ({@code RCPT TO}) whose mailbox holds this copy
 * @param rawHeaders  every header line as it arrived ({@code "Name: value"}, RFC 2047 words still encoded)
 */
public record ReceivedMail(String from, List<String> to, String subject, String text, String html,
                           Instant receivedAt, String deliveredTo, List<String> rawHeaders) {

    public ReceivedMail {
        to = List.copyOf(to);
        rawHeaders = List.copyOf(rawHeaders);
    }

    /** Raw values of every header with this name (case-insensitive), in order, unfolded. */
    public List<String> headerValues(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return rawHeaders.stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).replaceAll("\r?\n[ \t]+", " ").trim())
                .toList();
    }

    /** The first value of the header, RFC 2047 words decoded (e.g. the sender's display name in {@code From}). */
    public Optional<String> decodedHeader(String name) {
        return headerValues(name).stream().findFirst().map(MimeMailDecoder::decodeWords);
    }

    /** Every address in {@code To}, {@code Cc} and {@code Bcc}: a mail meant for one person has exactly one. */
    public List<String> headerRecipients() {
        return MimeMailDecoder.addresses(rawHeaders);
    }

    /** The {@code Message-ID} header, or an empty string. */
    public String messageId() {
        return headerValues("Message-ID").stream().findFirst().orElse("");
    }

    /** The text part if there is one, otherwise the text of the HTML part with tags removed. */
    public String readableText() {
        if (text != null) {
            return text;
        }
        return html == null ? "" : org.jsoup.Jsoup.parse(html).text();
    }
}
