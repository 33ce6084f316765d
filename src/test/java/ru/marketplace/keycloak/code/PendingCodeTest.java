package ru.marketplace.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingCodeTest {

    private static final PendingCode.NoteNames NOTES = new PendingCode.NoteNames("mpTest.");

    private final Instant issued = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void roundTripsThroughSessionNotes() {
        PendingCode pending = new PendingCode("id", "v1:a:b", "anna@shop.example", "user-1", issued, issued.plusSeconds(600));
        assertEquals(pending, PendingCode.fromNotes(NOTES, pending.toNotes(NOTES)::get));
        PendingCode phantom = new PendingCode("id", "v1:a:b", "nobody@shop.example", null, issued, issued.plusSeconds(600));
        PendingCode read = PendingCode.fromNotes(NOTES, phantom.toNotes(NOTES)::get);
        assertEquals(phantom, read);
        assertFalse(read.forAccount());
    }

    @Test
    void missingOrCorruptNotesMeanNoCode() {
        assertNull(PendingCode.fromNotes(NOTES, key -> null));
        Map<String, String> notes = new HashMap<>(new PendingCode("id", "d", "a@b.c", "u", issued, issued).toNotes(NOTES));
        notes.put(NOTES.code(), "2;id;d;0;soon!;0");
        assertNull(PendingCode.fromNotes(NOTES, notes::get));
        notes.put(NOTES.code(), "1;id;d;0;0;0");
        assertNull(PendingCode.fromNotes(NOTES, notes::get), "another format");
    }

    @Test
    void theAttemptsUsedTravelWithTheCodeAndNeverGoBack() {
        PendingCode pending = new PendingCode("id", "v1:a:b", "anna@shop.example", "user-1", issued, issued.plusSeconds(600)).withAttemptsUsed(3);
        assertEquals(3, PendingCode.fromNotes(NOTES, pending.toNotes(NOTES)::get).attemptsUsed());
        assertEquals(3, pending.withAttemptsUsed(1).attemptsUsed(), "a stale count from a racing request never lowers it");
    }

    @Test
    void aPendingResetTakesThreeShortNotes() {
        PendingCode pending = new PendingCode("AAAAAAAAAAAAAAAAAAAAAA", "v1:" + "s".repeat(22) + ":" + "m".repeat(43),
                "anna@shop.example", "0b5a7a3e-2f2c-4b7e-9c65-1f0d2d7c9a11", issued, issued.plusSeconds(600));
        Map<String, String> notes = pending.toNotes(NOTES);
        assertEquals(3, notes.size());
        assertTrue(notes.get(NOTES.code()).length() < 120, notes.get(NOTES.code()));
    }

    @Test
    void expiryIsInclusiveOfTheDeadline() {
        PendingCode pending = new PendingCode("id", "d", "a@b.c", "u", issued, issued.plusSeconds(600));
        assertFalse(pending.isExpired(issued.plusSeconds(599)));
        assertTrue(pending.isExpired(issued.plusSeconds(600)));
    }
}
