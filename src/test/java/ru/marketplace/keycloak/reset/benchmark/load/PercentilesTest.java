package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void interpolatesBetweenClosestRanks() {
        Percentiles p = Percentiles.of(List.of(40, 10, 30, 20)); // unsorted on purpose
        assertEquals(10, p.percentile(0), 1e-9);
        assertEquals(25, p.median(), 1e-9);
        assertEquals(38.5, p.percentile(95), 1e-9); // rank 2.85: 30 + 0.85 × 10
        assertEquals(40, p.percentile(100), 1e-9);
        assertEquals(10, p.min(), 1e-9);
        assertEquals(40, p.max(), 1e-9);
        assertEquals(15, p.interquartileRange(), 1e-9); // 32.5 − 17.5
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        Percentiles p = Percentiles.of(List.of(7.5));
        assertEquals(7.5, p.percentile(1), 1e-9);
        assertEquals(7.5, p.percentile(99), 1e-9);
    }

    @Test
    void anEmptySampleHasNoPercentiles() {
        Percentiles p = Percentiles.of(List.of());
        assertTrue(p.isEmpty());
        assertTrue(Double.isNaN(p.median()));
    }

    @Test
    void refusesPercentilesOutsideTheScale() {
        Percentiles p = Percentiles.of(List.of(1, 2));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(101));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(-1));
    }
}
