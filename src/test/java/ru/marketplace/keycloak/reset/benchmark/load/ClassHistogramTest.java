package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    private static final String BEFORE = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:        120000        9600000  [B (java.base@17.0.15)
               2:        100000        2400000  java.lang.String (java.base@17.0.15)
               3:            10            480  org.keycloak.models.sessions.infinispan.entities.SingleUseObjectValueEntity
               4:             5            200  com.example.Twice
               5:             3            120  com.example.Twice
            Total        220018       12000800
            """;

    private static final String AFTER = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:        121000       10600000  [B (java.base@17.0.15)
               2:        100400        2409600  java.lang.String (java.base@17.0.15)
               3:           410          19680  org.keycloak.models.sessions.infinispan.entities.SingleUseObjectValueEntity
               4:            50           2000  org.keycloak.models.sessions.infinispan.entities.RootAuthenticationSessionEntity
            Total        221860       13031280
            """;

    @Test
    void readsTheTotalAndInstanceCounts() {
        ClassHistogram h = ClassHistogram.parse(BEFORE);
        assertEquals(12_000_800, h.totalBytes());
        assertEquals(220_018, h.totalInstances());
        assertEquals(10, h.instances(HeapFigures.SINGLE_USE_ENTRY));
        assertEquals(8, h.instances("com.example.Twice"), "one class name per class loader: added up");
        assertEquals(0, h.instances("com.example.Absent"));
    }

    @Test
    void growthIsSortedByBytesAndIncludesClassesThatAppearedOrVanished() {
        List<ClassHistogram.Entry> growth = ClassHistogram.parse(AFTER).growthSince(ClassHistogram.parse(BEFORE), 10);
        assertEquals(new ClassHistogram.Entry("[B", 1000, 1_000_000), growth.get(0));
        assertEquals(new ClassHistogram.Entry(HeapFigures.SINGLE_USE_ENTRY, 400, 19_200), growth.get(1));
        assertEquals(new ClassHistogram.Entry("java.lang.String", 400, 9_600), growth.get(2));
        assertEquals(new ClassHistogram.Entry(HeapFigures.ROOT_AUTH_SESSION, 50, 2_000), growth.get(3));
        assertEquals(new ClassHistogram.Entry("com.example.Twice", -8, -320), growth.get(4));
        assertEquals(2, ClassHistogram.parse(AFTER).growthSince(ClassHistogram.parse(BEFORE), 2).size());
    }

    @Test
    void heapFiguresDivideByTheOperations() {
        HeapFigures figures = HeapFigures.between(ClassHistogram.parse(BEFORE), ClassHistogram.parse(AFTER), 400);
        assertEquals(1_030_480 / 1024.0 / 400, figures.kilobytesPerOperation(), 1e-9);
        assertEquals(1.0, figures.singleUsePerOperation(), 1e-9);
        assertEquals("single-use 1.00, auth sessions 0.000 (root 0.125)", figures.storeEntriesPerOperation());
    }

    @Test
    void anOutputWithoutTotalIsNotAHistogram() {
        assertThrows(IllegalArgumentException.class, () -> ClassHistogram.parse("4242:\nAttach failed"));
    }
}
