package app.resonance.platform.control;

/**
 * What text the application accepts: no NUL or other control characters (C0 but tab and line breaks,
 * DEL, C1), no lone surrogates.
 */
public final class TextRules {

    private TextRules() {}

    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f && c <= 0x9f) {
                return false;
            }
        }
        return true;
    }

    /** A client's name (of a field, a key) safe to echo in an error: at most 40 characters, or "?" if it is not clean text. */
    public static String safeName(String name) {
        String cut =
                name.length() <= 40 ? name : name.substring(0, Character.isHighSurrogate(name.charAt(39)) ? 39 : 40);
        return isClean(cut) ? cut : "?";
    }
}
