package ru.marketplace.keycloak.i18n;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.code.check.CheckOutcome;

/** What both flows' code screens say to a refused entry (the reset and the address confirmation share it). */
class CodeMessagesTest {

    private final LocalizedText russian = new LocalizedText(Locale.forLanguageTag("ru"), ShippedMessages.load("ru")::getProperty);

    private CodeMessages.Refusal refusal(CheckOutcome.Status status, int attemptsRemaining, Duration retryAfter) {
        return CodeMessages.refusal(new CheckOutcome(status, attemptsRemaining, retryAfter, 0), 6, russian);
    }

    @Test
    void aWrongCodeSaysHowManyAttemptsAreLeftInTheirPluralForm() {
        CodeMessages.Refusal wrong = refusal(CheckOutcome.Status.WRONG, 2, Duration.ZERO);
        assertEquals(CodeMessages.CODE_WRONG, wrong.key());
        assertArrayEquals(new Object[] {"Осталось 2 попытки"}, wrong.params());
        assertEquals(2, wrong.attemptsRemaining());
    }

    @Test
    void theLastWrongCodeSaysTheCodeIsDead() {
        CodeMessages.Refusal last = refusal(CheckOutcome.Status.WRONG, 0, Duration.ZERO);
        assertEquals(CodeMessages.CODE_WRONG_LAST, last.key());
        assertEquals(0, last.attemptsRemaining());
    }

    @Test
    void aMalformedEntryNamesTheCodeLengthAndSaysNothingOfAttempts() {
        CodeMessages.Refusal malformed = refusal(CheckOutcome.Status.MALFORMED, 0, Duration.ZERO);
        assertEquals(CodeMessages.CODE_MALFORMED, malformed.key());
        assertArrayEquals(new Object[] {6}, malformed.params());
        assertNull(malformed.attemptsRemaining());
        assertNull(refusal(CheckOutcome.Status.EXPIRED, 0, Duration.ZERO).attemptsRemaining());
    }

    @Test
    void aLockedAccountSaysHowLongToWait() {
        CodeMessages.Refusal locked = refusal(CheckOutcome.Status.LOCKED, 0, Duration.ofMinutes(4).plusSeconds(10));
        assertEquals(CodeMessages.TOO_MANY_WRONG_CODES, locked.key());
        assertArrayEquals(new Object[] {"5 минут"}, locked.params());
    }

    @Test
    void theOtherRefusalsHaveTheirOwnMessageAndNoAttemptsLeft() {
        assertEquals(CodeMessages.CODE_EXHAUSTED, refusal(CheckOutcome.Status.EXHAUSTED, 0, Duration.ZERO).key());
        assertEquals(CodeMessages.CODE_REVOKED, refusal(CheckOutcome.Status.REVOKED, 0, Duration.ZERO).key());
        assertEquals(CodeMessages.CODE_USED, refusal(CheckOutcome.Status.ALREADY_USED, 0, Duration.ZERO).key());
        assertEquals(0, refusal(CheckOutcome.Status.ALREADY_USED, 0, Duration.ZERO).attemptsRemaining());
        assertThrows(IllegalArgumentException.class, () -> refusal(CheckOutcome.Status.ACCEPTED, 0, Duration.ZERO));
    }
}
