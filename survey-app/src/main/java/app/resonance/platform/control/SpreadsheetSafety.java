package app.resonance.platform.control;

/**
 * Neutralises spreadsheet formulas in exported texts (CSV injection): a value starting with =, +, -, @,
 * a tab or a carriage return gets a leading apostrophe, so that Excel, LibreOffice and Google Sheets show
 * it as text instead of evaluating it.
 */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {}

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean dangerous =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return dangerous ? "'" + value : value;
    }
}
