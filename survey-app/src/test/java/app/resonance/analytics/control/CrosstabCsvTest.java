package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.CrosstabCounts.Label;
import app.resonance.platform.control.Messages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The crosstab's CSV: a line per cell, suppressed columns without numbers, labels safe from formulas. */
class CrosstabCsvTest {

    @Test
    void aLinePerCellWithTheWorkedExamplesNumbers() throws Exception {
        var counts = CrosstabStatisticsTest.workedExample();
        var table = CrosstabStatistics.of(
                new CrosstabCounts(
                        List.of(
                                new Label("detractor", "=HYPERLINK(\"x\")"),
                                counts.rows().get(1),
                                counts.rows().get(2)),
                        counts.columns(),
                        counts.cells(),
                        counts.columnTotals(),
                        counts.rowTotals(),
                        counts.total(),
                        false,
                        false),
                ReportingRules.standard());
        var out = new ByteArrayOutputStream();
        CrosstabCsv.write(table, Messages.of(Locale.ENGLISH), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(1 + 3 * 3, lines.length);
        assertEquals(
                "\uFEFFRow,Row label,Column,Column label,Respondents in column,Visibility,Count,Share,"
                        + "Margin of error (95 %),z score,p-value,p-value (Holm-adjusted),Direction,Chi-square,Degrees of freedom,"
                        + "p-value (chi-square),Cochran warning",
                lines[0]);
        // The formula in the label gets an apostrophe; LINK detractors: 20 of 40, z = 3, Holm 0.016199.
        String[] link = lines[1].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals(
                List.of("detractor", "\"'=HYPERLINK(\"\"x\"\")\"", "LINK", "LINK", "40", "SHOWN", "20", "0.5"),
                List.of(link).subList(0, 8));
        assertEquals(3.0, Double.parseDouble(link[9]), 1e-9);
        assertEquals(0.016199, Double.parseDouble(link[11]), 5e-7);
        assertEquals("HIGHER", link[12]);
        assertEquals(9.771429, Double.parseDouble(link[13]), 5e-7);
        assertEquals("2", link[14]);
        // WIDGET is suppressed: its size, no numbers.
        assertEquals(
                "detractor,\"'=HYPERLINK(\"\"x\"\")\",WIDGET,WIDGET,10,NOT_ENOUGH_RESPONSES,,,,,,,NONE,",
                lines[3].substring(0, lines[3].indexOf("NONE,") + 5));
    }
}
