package app.resonance.analytics.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A streaming pass over the XLSX package fastexcel writes: every part is inflated as it arrives and
 * compressed again into the real output, and in each worksheet the placeholder {@code <dimension
 * ref="A1"/>} that fastexcel 0.19 always writes (its issue #452) becomes the sheet's real range, so that
 * streaming readers, which trust the dimension, see every row. Memory stays constant: only the first bytes
 * of a sheet, up to the placeholder, are held.
 *
 * <p>It reads what fastexcel's zip writer (opczip) produces: local headers with data descriptors (24 bytes
 * with signature, ZIP64 sizes), deflated parts, then a central directory, which is dropped because the
 * output writes its own.
 */
final class SheetDimensions extends OutputStream {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_DIRECTORY = 0x02014b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int DESCRIPTOR_LENGTH = 24;
    private static final String PLACEHOLDER = "<dimension ref=\"A1\"/>";
    private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
    /** How far into a sheet the placeholder is looked for (fastexcel writes it within the first 300 bytes). */
    private static final int HEAD_LIMIT = 16 * 1024;

    private enum State {
        HEADER,
        DATA,
        DESCRIPTOR,
        DIRECTORY
    }

    private final ZipOutputStream zip;
    private final IntFunction<String> dimensions;
    private final Inflater inflater = new Inflater(true);
    private final byte[] inflated = new byte[64 * 1024];
    private byte[] record = new byte[30];
    private int recordLength;
    private State state = State.HEADER;
    /** The start of the current sheet while its placeholder is still ahead, otherwise null. */
    private ByteArrayOutputStream head;

    private String range;

    /** Writes the package to {@code out}; {@code dimensions} answers the range of sheet number n (from 1). */
    SheetDimensions(OutputStream out, IntFunction<String> dimensions) {
        this.zip = new ZipOutputStream(out);
        this.dimensions = dimensions;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int off = offset;
        int len = length;
        while (len > 0) {
            int used =
                    switch (state) {
                        case HEADER -> header(bytes, off, len);
                        case DATA -> data(bytes, off, len);
                        case DESCRIPTOR -> descriptor(bytes, off, len);
                        case DIRECTORY -> len;
                    };
            off += used;
            len -= used;
        }
    }

    private int header(byte[] bytes, int off, int len) throws IOException {
        int needed = recordLength < 30 ? 30 : 30 + shortAt(26) + shortAt(28);
        int used = fill(bytes, off, len, needed);
        if (recordLength == 30) {
            int signature = intAt(0);
            if (signature == CENTRAL_DIRECTORY) {
                state = State.DIRECTORY;
                return used;
            }
            if (signature != LOCAL_HEADER || shortAt(8) != 8 || (shortAt(6) & 8) == 0) {
                throw new IOException("Unexpected zip record from the XLSX writer: " + Integer.toHexString(signature));
            }
            needed = 30 + shortAt(26) + shortAt(28);
        }
        if (recordLength == needed && needed > 30) {
            String name = new String(record, 30, shortAt(26), StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(name));
            Matcher sheet = SHEET.matcher(name);
            range = sheet.matches() ? dimensions.apply(Integer.parseInt(sheet.group(1))) : null;
            head = range == null ? null : new ByteArrayOutputStream(1024);
            inflater.reset();
            recordLength = 0;
            state = State.DATA;
        }
        return used;
    }

    private int data(byte[] bytes, int off, int len) throws IOException {
        inflater.setInput(bytes, off, len);
        try {
            int n;
            while ((n = inflater.inflate(inflated)) > 0) {
                emit(inflated, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("The XLSX writer produced a broken part", e);
        }
        if (!inflater.finished()) {
            if (inflater.needsDictionary()) {
                throw new IOException("The XLSX writer produced a part that needs a dictionary");
            }
            return len;
        }
        if (head != null) {
            zip.write(head.toByteArray());
            head = null;
        }
        zip.closeEntry();
        state = State.DESCRIPTOR;
        return len - inflater.getRemaining();
    }

    private int descriptor(byte[] bytes, int off, int len) throws IOException {
        int used = fill(bytes, off, len, DESCRIPTOR_LENGTH);
        if (recordLength == DESCRIPTOR_LENGTH) {
            if (intAt(0) != DATA_DESCRIPTOR) {
                throw new IOException("Unexpected data descriptor from the XLSX writer");
            }
            recordLength = 0;
            state = State.HEADER;
        }
        return used;
    }

    private void emit(byte[] bytes, int len) throws IOException {
        if (head == null) {
            zip.write(bytes, 0, len);
            return;
        }
        head.write(bytes, 0, len);
        String start = head.toString(StandardCharsets.ISO_8859_1);
        int at = start.indexOf(PLACEHOLDER);
        if (at >= 0) {
            String replaced = start.substring(0, at)
                    + "<dimension ref=\"" + range + "\"/>"
                    + start.substring(at + PLACEHOLDER.length());
            zip.write(replaced.getBytes(StandardCharsets.ISO_8859_1));
            head = null;
        } else if (head.size() > HEAD_LIMIT) {
            // Not where fastexcel puts it: pass the sheet on unchanged rather than break the download.
            zip.write(head.toByteArray());
            head = null;
        }
    }

    /** Copies bytes into the record buffer up to {@code needed}; answers how many were used. */
    private int fill(byte[] bytes, int off, int len, int needed) {
        if (record.length < needed) {
            record = java.util.Arrays.copyOf(record, needed);
        }
        int used = Math.min(len, needed - recordLength);
        System.arraycopy(bytes, off, record, recordLength, used);
        recordLength += used;
        return used;
    }

    private int shortAt(int at) {
        return (record[at] & 0xff) | (record[at + 1] & 0xff) << 8;
    }

    private int intAt(int at) {
        return shortAt(at) | shortAt(at + 2) << 16;
    }

    /** Ends the package (the central directory) without closing the output. */
    public void finish() throws IOException {
        if (state != State.DIRECTORY && state != State.HEADER) {
            throw new IOException("The XLSX writer stopped inside a part");
        }
        zip.finish();
        zip.flush();
    }

    @Override
    public void flush() throws IOException {
        zip.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        zip.close();
    }
}
