package ru.marketplace.keycloak.reset.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingCodeTest {

    private final Instant issued = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void roundTripsThroughSessionNotes() {
        PendingCode pending = new PendingCode("id", "v1:a:b", "anna@shop.example", "user-1", issued, issued.plusSeconds(600));
        assertEquals(pending, PendingCode.fromNotes(pending.toNotes()::get));
        PendingCode phantom = new PendingCode("id", "v1:a:b", "nobody@shop.example", null, issued, issued.plusSeconds(600));
        PendingCode read = PendingCode.fromNotes(phantom.toNotes()::get);
        assertEquals(phantom, read);
        assertFalse(read.forAccount());
    }

    @Test
    void missingOrCorruptNotesMeanNoCode() {
        assertNull(PendingCode.fromNotes(key -> null));
        Map<String, String> notes = new HashMap<>(new PendingCode("id", "d", "a@b.c", "u", issued, issued).toNotes());
        notes.put(PendingCode.EXPIRES_AT, "soon");
        assertNull(PendingCode.fromNotes(notes::get));
    }

    @Test
    void expiryIsInclusiveOfTheDeadline() {
        PendingCode pending = new PendingCode("id", "d", "a@b.c", "u", issued, issued.plusSeconds(600));
        assertFalse(pending.isExpired(issued.plusSeconds(599)));
        assertTrue(pending.isExpired(issued.plusSeconds(600)));
    }
}
