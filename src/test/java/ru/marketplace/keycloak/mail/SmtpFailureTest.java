package ru.marketplace.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;

/** Failures as Keycloak's sender reports them: an EmailException around Jakarta Mail's exceptions. */
class SmtpFailureTest {

    private static EmailException keycloak(Exception cause) {
        return new EmailException("Error when attempting to send the email to the server.", cause);
    }

    @Test
    void aRecipientRefusedWith451IsTemporary() throws Exception {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("anna@shop.example"), "RCPT TO",
                451, "451 4.3.0 Try again later");
        SmtpFailure failure = SmtpFailure.classify(keycloak(new SendFailedException("Invalid Addresses", rcpt)));
        assertEquals(new SmtpFailure(true, "451 4.3.0"), failure);
    }

    @Test
    void aRecipientRefusedWith550IsPermanent() throws Exception {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(new InternetAddress("anna@shop.example"), "RCPT TO",
                550, "550 5.1.1 No such user");
        assertEquals(new SmtpFailure(false, "550 5.1.1"),
                SmtpFailure.classify(keycloak(new SendFailedException("Invalid Addresses", rcpt))));
    }

    @Test
    void aRefusedDataCommandKeepsItsCode() {
        SMTPSendFailedException data = new SMTPSendFailedException("DATA", 421, "421 Service shutting down", null, null, null, null);
        assertEquals(new SmtpFailure(true, "421"), SmtpFailure.classify(keycloak(data)));
    }

    @Test
    void aBadGreetingIsReadFromTheMessage() {
        MessagingException greeting = new MessagingException(
                "Got bad greeting from SMTP host: 127.0.0.1, port: 2525, response: 421 4.3.2 Service not available");
        assertEquals(new SmtpFailure(true, "421 4.3.2"), SmtpFailure.classify(keycloak(greeting)));
    }

    @Test
    void aSilentServerTimesOut() {
        MessagingException read = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        assertEquals(new SmtpFailure(true, "timeout"), SmtpFailure.classify(keycloak(read)));
    }

    @Test
    void aRefusedConnectionIsTemporary() {
        MessagingException connect = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525",
                new ConnectException("Connection refused"));
        assertEquals(new SmtpFailure(true, "connection refused"), SmtpFailure.classify(keycloak(connect)));
    }

    @Test
    void aServerThatHangsUpInTheMiddleOfTheMessageIsTriedAgain() {
        // what Jakarta Mail throws when the connection closes after DATA (seen against FaultySmtpServer.DROP_IN_DATA)
        SMTPSendFailedException eof = new SMTPSendFailedException(".", -1, "[EOF]", null, null, null, null);
        assertEquals(new SmtpFailure(true, "connection closed"), SmtpFailure.classify(keycloak(eof)));
    }

    @Test
    void anUnparsableAddressWouldFailEveryTime() {
        SmtpFailure failure = SmtpFailure.classify(keycloak(new AddressException("Illegal address", "anna@")));
        assertEquals(false, failure.temporary());
        assertEquals("unsendable: AddressException", failure.reason());
    }

    @Test
    void aCauseLoopEnds() {
        MessagingException a = new MessagingException("a");
        MessagingException b = new MessagingException("b", a);
        a.setNextException(b);
        assertEquals(false, SmtpFailure.classify(a).temporary());
    }
}
