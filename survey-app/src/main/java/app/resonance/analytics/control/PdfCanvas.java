package app.resonance.analytics.control;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The layout of a PDF report (Apache PDFBox, A4, standard Helvetica): a cursor running down the pages, headings,
 * wrapped paragraphs, table rows, coloured labels; a new page when the current one is full. Text the font cannot
 * draw is made printable first. Knows nothing of what a report says.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 50;
    static final float LINE = 14;

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document = new PDDocument();
    private PDPageContentStream stream;
    private float y;
    private float width;

    PdfCanvas() throws IOException {
        newPage();
    }

    /** The current page's drawing stream, for graphics. */
    PDPageContentStream stream() {
        return stream;
    }

    /** The cursor: the baseline of the next line of text. */
    float y() {
        return y;
    }

    void y(float at) {
        y = at;
    }

    /** Moves the cursor down (or up, for a negative distance). */
    void down(float distance) {
        y -= distance;
    }

    /** The width between the margins. */
    float width() {
        return width;
    }

    /** Starts a new page unless this much height is left above the bottom margin. */
    void room(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
        width = page.getMediaBox().getWidth() - 2 * MARGIN;
    }

    /** Closes the last page and writes the document. */
    void save(OutputStream out) throws IOException {
        stream.close();
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    void heading(String text) throws IOException {
        y -= 10;
        text(bold, 12, MARGIN, text);
    }

    void boldRow(float[] columns, String... cells) throws IOException {
        cells(bold, columns, cells);
    }

    void row(float[] columns, String... cells) throws IOException {
        cells(regular, columns, cells);
    }

    private void cells(PDType1Font font, float[] columns, String... cells) throws IOException {
        if (y < MARGIN + LINE) {
            newPage();
        }
        for (int i = 0; i < cells.length; i++) {
            stream.beginText();
            stream.setFont(font, 9);
            stream.newLineAtOffset(MARGIN + columns[i], y);
            stream.showText(printable(font, cells[i]));
            stream.endText();
        }
        y -= LINE;
    }

    void text(PDType1Font font, float size, float x, String text) throws IOException {
        if (y < MARGIN + LINE) {
            newPage();
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(printable(font, text, Integer.MAX_VALUE));
        stream.endText();
        y -= size + 6;
    }

    /** Text wrapped at word boundaries to the page's width. */
    void paragraph(PDType1Font font, float size, String text) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text, Integer.MAX_VALUE).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                text(font, size, MARGIN, line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            text(font, size, MARGIN, line.toString());
        }
        y += 2;
    }

    /** Text at a point (not at the cursor), in a colour. */
    void label(PDType1Font font, float size, float x, float at, String text, float[] rgb) throws IOException {
        stream.beginText();
        color(rgb, false);
        stream.setFont(font, size);
        stream.newLineAtOffset(x, at);
        stream.showText(printable(font, text));
        stream.endText();
        color(new float[] {0, 0, 0}, false);
    }

    void color(float[] rgb, boolean stroking) throws IOException {
        if (stroking) {
            stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        } else {
            stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        }
    }

    /** The width of the text in the font at this size. */
    static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Text as the standard font (WinAnsi) can draw it; long text is cut. Typographic spaces (no-break, narrow,
     * thin) become a space and non-breaking hyphens and the minus sign a hyphen; a letter with an accent the font
     * lacks is written without it; an emoji or other pictograph is left out (it printed as "?" in a marker's
     * label before); only a letter of another script still becomes "?", so that a name is not silently shortened.
     */
    static String printable(PDType1Font font, String text) {
        return printable(font, text, 110);
    }

    static String printable(PDType1Font font, String text, int limit) {
        StringBuilder out = new StringBuilder();
        String limited = text.length() > limit ? text.substring(0, limit - 1) + "…" : text;
        limited.codePoints().forEach(c -> out.append(drawable(font, c)));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String drawable(PDType1Font font, int c) {
        if (Character.getType(c) == Character.SPACE_SEPARATOR || c == '\t') {
            return " ";
        }
        if (c == 0x2010 || c == 0x2011 || c == 0x2212) {
            return "-";
        }
        String s = new String(Character.toChars(c));
        if (encodes(font, s)) {
            return s;
        }
        String base = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && !base.equals(s) && encodes(font, base)) {
            return base;
        }
        return Character.isLetterOrDigit(c) ? "?" : "";
    }

    private static boolean encodes(PDType1Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
