package app.resonance.platform.control;

/**
 * What every CSV file an admin uploads is read with: the byte order mark a spreadsheet writes taken off, and the
 * delimiter guessed from the header row (a semicolon where it has more semicolons than commas, as German Excel
 * writes, else a comma).
 */
public final class CsvText {

    private static final String BOM = "\uFEFF";

    private CsvText() {}

    public static String withoutBom(String text) {
        return text.startsWith(BOM) ? text.substring(1) : text;
    }

    public static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count()
                        > header.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
    }
}
