package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void numbersKeepAboutThreeSignificantFigures() {
        assertEquals("0.123", ResultTable.number(0.12345));
        assertEquals("7.66", ResultTable.number(7.6612));
        assertEquals("62.7", ResultTable.number(62.66));
        assertEquals("627", ResultTable.number(626.6));
        assertEquals("-12.5", ResultTable.number(-12.46));
        assertEquals("n/a", ResultTable.number(Double.NaN));
    }

    @Test
    void aSpreadIsTheMedianWithMinimumAndMaximum() {
        assertEquals("7.66 (7.10–8.02)", ResultTable.spread(List.of(8.02, 7.66, 7.10)));
        assertEquals("240", ResultTable.spread(List.of(240.0)));
        assertEquals(ResultTable.NOT_MEASURED, ResultTable.spread(List.of()));
    }

    @Test
    void rendersAPaddedMarkdownTableAndSaysWhatWasNotMeasured() {
        ResultTable table = new ResultTable();
        table.add(new ResultTable.Row("stock | reset", "90/90", "7.66", "500", "627", "700", "240", "200", "1.90", "—", ""));
        table.addNotMeasured("flood", "-Dload.bigRows=false");
        String[] lines = table.markdown().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("| row "), lines[0]);
        assertTrue(lines[1].matches("\\|( -+ \\|)+"), lines[1]);
        assertTrue(lines[2].contains("stock \\| reset"), "a pipe in a cell is escaped");
        assertTrue(lines[3].contains(ResultTable.NOT_MEASURED) && lines[3].contains("-Dload.bigRows=false"));
        for (String line : lines) {
            assertEquals(lines[0].length(), line.length(), "columns padded to one width: " + line);
        }
    }
}
