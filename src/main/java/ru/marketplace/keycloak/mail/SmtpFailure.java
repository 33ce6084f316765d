package ru.marketplace.keycloak.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why one SMTP conversation failed, and whether trying again later can help.
 *
 * <p>RFC 5321 §4.2.1: a 4yz reply is a transient failure ("try again later": greylisting, a full queue, a server
 * shutting down), a 5yz reply a permanent one. A conversation that broke before any reply (refused or reset
 * connection, a server that never greets, a timeout) is transient too. Anything else, such as an address Jakarta
 * Mail cannot parse, would fail the same way every time.
 *
 * @param temporary whether a later attempt may succeed
 * @param reason    short and stable enough for an event detail and a log line, e.g. {@code 451 4.3.0} or
 *                  {@code timeout}
 */
public record SmtpFailure(boolean temporary, String reason) {

    private static final Pattern REPLY_CODE = Pattern.compile("(?<![0-9])([245][0-9]{2})(?:[ -]([245]\\.[0-9]{1,3}\\.[0-9]{1,3}))?");

    /** Reads the chain of causes (and Jakarta Mail's next exceptions) of {@code failure}. */
    public static SmtpFailure classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            int code = returnCode(t);
            if (code > 0) {
                return replied(code, enhancedStatus(t.getMessage()));
            }
        }
        for (Throwable t : chain) {
            // Jakarta Mail reports a bad greeting ("421 … closing connection") only in its message text
            int response = t instanceof MessagingException && t.getMessage() != null ? t.getMessage().indexOf("response:") : -1;
            if (response >= 0) {
                // only after "response:": the host and port before it hold digits too ("port: 2525")
                Matcher m = REPLY_CODE.matcher(t.getMessage().substring(response));
                if (m.find()) {
                    return replied(Integer.parseInt(m.group(1)), m.group(2));
                }
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException io) {
                return new SmtpFailure(true, ioReason(io));
            }
            if (t instanceof MessagingException && t.getMessage() != null && t.getMessage().contains("[EOF]")) {
                // the server hung up without a reply (Jakarta Mail reports return code -1): nothing was accepted
                return new SmtpFailure(true, "connection closed");
            }
        }
        return new SmtpFailure(false, "unsendable: " + chain.get(chain.size() - 1).getClass().getSimpleName());
    }

    private static SmtpFailure replied(int code, String enhanced) {
        return new SmtpFailure(code / 100 == 4, enhanced == null ? Integer.toString(code) : code + " " + enhanced);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException me && me.getNextException() != null) {
            return me.getNextException();
        }
        return t.getCause();
    }

    private static int returnCode(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof jakarta.mail.AuthenticationFailedException && t.getMessage() != null) {
            Matcher m = REPLY_CODE.matcher(t.getMessage());
            return m.find() ? Integer.parseInt(m.group(1)) : 535;
        }
        return -1;
    }

    private static String enhancedStatus(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = REPLY_CODE.matcher(message);
        return m.find() ? m.group(2) : null;
    }

    private static String ioReason(IOException io) {
        if (io instanceof java.net.SocketTimeoutException) {
            return "timeout";
        }
        if (io instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (io instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (io instanceof java.io.EOFException || (io.getMessage() != null && io.getMessage().contains("[EOF]"))) {
            return "connection closed";
        }
        return io instanceof java.net.SocketException ? "connection broken" : "i/o: " + io.getClass().getSimpleName();
    }
}
