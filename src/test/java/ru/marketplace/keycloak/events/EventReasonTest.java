package ru.marketplace.keycloak.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Errors;
import ru.marketplace.keycloak.code.check.CheckOutcome;
import ru.marketplace.keycloak.code.issue.IssueOutcome;

class EventReasonTest {

    @Test
    void everyErrorIsKeycloaksOwnNameOrTheCancellation() {
        Set<String> keycloakErrors = Set.of(Errors.INVALID_CODE, Errors.EXPIRED_CODE, Errors.SLOW_DOWN, Errors.USER_NOT_FOUND);
        for (EventReason reason : EventReason.values()) {
            assertTrue(keycloakErrors.contains(reason.error()) || reason == EventReason.NOT_REQUESTED_BY_OWNER,
                    reason + " records a Keycloak error name, not " + reason.error());
        }
        assertEquals("invalid_code", Errors.INVALID_CODE);
    }

    @Test
    void everyJudgedCodeHasAReasonAndTheOthersAreRefused() {
        assertEquals(EventReason.WRONG_CODE, EventReason.ofRefusedCode(CheckOutcome.Status.WRONG));
        assertEquals(EventReason.EXPIRED_CODE, EventReason.ofRefusedCode(CheckOutcome.Status.EXPIRED));
        assertEquals(EventReason.ATTEMPTS_EXHAUSTED, EventReason.ofRefusedCode(CheckOutcome.Status.EXHAUSTED));
        assertEquals(EventReason.WRONG_CODE_LIMIT, EventReason.ofRefusedCode(CheckOutcome.Status.LOCKED));
        assertEquals(EventReason.CODE_REVOKED, EventReason.ofRefusedCode(CheckOutcome.Status.REVOKED));
        assertEquals(EventReason.CODE_USED, EventReason.ofRefusedCode(CheckOutcome.Status.ALREADY_USED));
        assertThrows(IllegalArgumentException.class, () -> EventReason.ofRefusedCode(CheckOutcome.Status.ACCEPTED));
        assertThrows(IllegalArgumentException.class, () -> EventReason.ofRefusedCode(CheckOutcome.Status.MALFORMED));
        assertEquals(EventReason.CODE_REQUEST_LIMIT, EventReason.ofRefusedRequest(IssueOutcome.Status.THROTTLED));
        assertEquals(EventReason.WRONG_CODE_LIMIT, EventReason.ofRefusedRequest(IssueOutcome.Status.LOCKED));
        assertThrows(IllegalArgumentException.class, () -> EventReason.ofRefusedRequest(IssueOutcome.Status.COOLDOWN));
    }

    /** README → Events is what an admin filters the event list by: it must name every reason, with its error, and no other. */
    @Test
    void theReadmeTableListsEveryReasonWithItsError() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int table = readme.indexOf("| `reason` | `error` | when |");
        assertTrue(table >= 0, "README.md has the table of event reasons");
        List<String> documented = readme.substring(table).lines().skip(2).takeWhile(line -> line.startsWith("| "))
                .map(line -> {
                    String[] cells = line.split("\\|");
                    return cells[1].trim() + " " + cells[2].trim();
                }).toList();
        List<String> expected = Arrays.stream(EventReason.values())
                .map(reason -> "`" + reason.tag() + "` `" + reason.error() + "`").toList();
        assertEquals(expected, documented);
    }

    /** The verification's paragraph names its reasons in passing: each must be one of the list. */
    @Test
    void theVerificationsReasonsAreFromTheList() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("`reason` of the reset's table");
        assertTrue(start >= 0, "README.md's verification events refer to the table");
        String named = readme.substring(start, readme.indexOf(')', start));
        Set<String> tags = Arrays.stream(EventReason.values()).map(EventReason::tag).collect(Collectors.toSet());
        List<String> mentioned = java.util.regex.Pattern.compile("`([a-z_]+)`").matcher(named).results()
                .map(match -> match.group(1)).filter(word -> !word.equals("reason")).toList();
        assertTrue(mentioned.size() >= 5, "found " + mentioned);
        mentioned.forEach(tag -> assertTrue(tags.contains(tag), tag + " is an EventReason"));
    }
}
