package vn.cho40.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an XLSX, row by row, as a SAX stream: POI's workbook model built the whole sheet (53 MB of XML
 * from a 4 MB upload) before any row limit applied, and ran the server out of heap. Here the zip is read in place
 * from the upload's bytes, each part may unpack only so far (a sheet {@link #MAX_SHEET_BYTES}, the shared strings
 * {@link #MAX_STRINGS_BYTES}, anything else {@link #MAX_PART_BYTES}), cells and columns are bounded, and the caller
 * stops the stream by throwing from {@link Rows#row}. Values are formatted as Excel shows them, like before.
 */
final class XlsxRows {

    static final long MAX_SHEET_BYTES = 64L << 20;
    static final long MAX_STRINGS_BYTES = 16L << 20;
    static final long MAX_PART_BYTES = 4L << 20;
    /** Tables have tens of columns; Excel's own limit on a cell's text. */
    static final int MAX_COLUMNS = 256;
    static final int MAX_CELL_CHARS = 32_767;

    /** Receives each row: its number as the spreadsheet shows it and its cells (blank ones as ""). */
    interface Rows {
        void row(int number, List<String> cells);
    }

    /** A part that unpacks beyond its limit. */
    static final class PartTooLarge extends IOException {
        final String part;
        final long limit;

        PartTooLarge(String part, long limit) {
            super(part + " unpacks to more than " + limit + " bytes");
            this.part = part;
            this.limit = limit;
        }
    }

    private XlsxRows() {
    }

    /** Whether the bytes are a zip (XLSX) rather than an old binary workbook. */
    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** Streams the first sheet's rows to {@code rows}; what {@code rows} throws ends the reading unchanged. */
    static void read(byte[] content, Rows rows) throws Exception {
        BoundedZip zip = new BoundedZip(ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get());
        try (OPCPackage pkg = OPCPackage.open(zip)) {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            Iterator<InputStream> sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                return;
            }
            SheetHandler handler = new SheetHandler(reader.getSharedStringsTable(), reader.getStylesTable(), rows);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
            }
        } catch (Exception e) {
            // POI and the SAX parser wrap what happens below them: give the caller the reason itself.
            throw zip.exceeded != null ? zip.exceeded : causeOf(e);
        } finally {
            zip.close();
        }
    }

    private static Exception causeOf(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalid;
            }
            if (t instanceof org.xml.sax.SAXException sax && sax.getException() instanceof InvalidInputException i) {
                return i;
            }
        }
        return e;
    }

    /** The zip's entries, each readable only up to its limit. */
    private static final class BoundedZip implements ZipEntrySource {
        private final ZipFile zip;
        private volatile PartTooLarge exceeded;
        private boolean closed;

        BoundedZip(ZipFile zip) {
            this.zip = zip;
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return zip.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return zip.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            String name = entry.getName().toLowerCase(Locale.ROOT);
            long limit = name.startsWith("xl/worksheets/") ? MAX_SHEET_BYTES
                    : name.equals("xl/sharedstrings.xml") ? MAX_STRINGS_BYTES : MAX_PART_BYTES;
            return new FilterInputStream(zip.getInputStream(entry)) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws PartTooLarge {
                    read += n;
                    if (read > limit) {
                        exceeded = new PartTooLarge(entry.getName(), limit);
                        throw exceeded;
                    }
                }
            };
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                zip.close();
            }
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    /** A worksheet's rows and cells, with each cell's text and the row's columns bounded. */
    private static final class SheetHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final StylesTable styles;
        private final Rows rows;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final StringBuilder text = new StringBuilder();
        private List<String> cells = new ArrayList<>();
        private int lastRow;
        private int rowNumber;
        private int column;
        private String type;
        private String style;
        private boolean collecting;
        private boolean inline;
        private boolean phonetic;

        SheetHandler(SharedStrings strings, StylesTable styles, Rows rows) {
            this.strings = strings;
            this.styles = styles;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            switch (local) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r != null && r.matches("[0-9]{1,7}") ? Integer.parseInt(r) : lastRow + 1;
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r != null ? columnOf(r) : cells.size();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    text.setLength(0);
                }
                case "v" -> collecting = true;
                case "is" -> inline = true;
                case "t" -> collecting = inline && !phonetic;
                case "rPh" -> phonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, Math.max(0, Math.min(length, MAX_CELL_CHARS - text.length())));
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> collecting = false;
                case "is" -> inline = false;
                case "rPh" -> phonetic = false;
                case "c" -> cell();
                case "row" -> {
                    rows.row(rowNumber, cells);
                    lastRow = rowNumber;
                }
                default -> {
                }
            }
        }

        private void cell() {
            if (column < 0 || column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value());
        }

        private String value() {
            String raw = text.toString();
            if (type == null || type.equals("n")) {
                return raw.isBlank() ? "" : number(raw.strip());
            }
            return switch (type) {
                case "s" -> shared(raw.strip());
                case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
                default -> raw; // inlineStr, str (a formula's text), e (an error such as #N/A), d (ISO date)
            };
        }

        private String shared(String index) {
            try {
                return strings == null ? "" : strings.getItemAt(Integer.parseInt(index)).getString();
            } catch (RuntimeException e) {
                return "";
            }
        }

        private String number(String raw) {
            try {
                double value = Double.parseDouble(raw);
                if (styles != null && style != null && style.matches("[0-9]{1,6}")) {
                    XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
                    if (s != null) {
                        String format = s.getDataFormatString();
                        return formatter.formatRawCellContents(value, s.getDataFormat(), format != null ? format
                                : BuiltinFormats.getBuiltinFormat(s.getDataFormat()));
                    }
                }
                return formatter.formatRawCellContents(value, 0, "General");
            } catch (RuntimeException e) {
                return raw;
            }
        }

        /** "AB12" → 27: letters only, at most three (Excel's XFD). */
        static int columnOf(String reference) {
            int col = 0;
            int i = 0;
            while (i < reference.length() && i < 4 && Character.isLetter(reference.charAt(i))) {
                col = col * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
                i++;
            }
            return i == 0 || i > 3 ? -1 : col - 1;
        }
    }
}
