package vn.cho40.payroll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.cho40.bank.BankDirectory;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;

/**
 * A bulk salary-transfer file in a bank's layout (data/payroll/bank-templates.csv): one line per transfer, amounts in
 * whole đồng, account numbers and BINs as text (leading zeros kept), names and contents upper case without
 * diacritics within the bank's lengths. Count and total are checked against the lines before the file is written.
 */
public final class BankFile {

    private BankFile() {
    }

    /** One layout. */
    public record Template(String code, String bankBin, String label, String fileType, String title,
                           Map<String, String> columns, int nameMax, int contentMax, boolean sameBankOnly,
                           String source) {

        public String extension() {
            return fileType.equals("CSV") ? "csv" : "xlsx";
        }

        /** Whether a transfer to this bank belongs in a file of this template. */
        public boolean takes(String bin) {
            return !sameBankOnly || bankBin.equals(bin);
        }
    }

    /** One transfer: the line's reference, the account, the holder's name, the bank's BIN and the amount. */
    public record Transfer(String ref, String account, String name, String bin, long amountVnd) {
        public Transfer {
            if (amountVnd <= 0) {
                throw new IllegalArgumentException("a transfer needs a positive amount: " + ref);
            }
        }
    }

    /** A written file: its name, content type, bytes, and the count and total it holds. */
    public record Written(String filename, String contentType, byte[] content, int count, long totalVnd) {
    }

    private static final List<Template> TEMPLATES = load();

    public static List<Template> templates() {
        return TEMPLATES;
    }

    public static Optional<Template> template(String code) {
        return TEMPLATES.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private static final Map<String, List<String>> SAMPLE_HEADERS = new LinkedHashMap<>();

    static {
        SAMPLE_HEADERS.put("STT", List.of("stt", "so thu tu", "no.", "no"));
        SAMPLE_HEADERS.put("DEBIT_ACCOUNT", List.of("tk chuyen", "tai khoan chuyen", "tai khoan trich no", "debit account",
                "tk trich no"));
        SAMPLE_HEADERS.put("ACCOUNT", List.of("so tai khoan", "tai khoan nhan", "tai khoan thu huong", "so tk",
                "tk nguoi huong", "tk thu huong", "so tai khoan nguoi huong", "beneficiary account", "account number",
                "account no"));
        SAMPLE_HEADERS.put("NAME", List.of("ten nguoi huong", "ten nguoi thu huong", "ho ten", "ho va ten",
                "ten tai khoan", "ten chu tai khoan", "beneficiary name", "account name", "name"));
        SAMPLE_HEADERS.put("AMOUNT", List.of("so tien", "so tien chuyen", "amount", "so tien (vnd)"));
        SAMPLE_HEADERS.put("CONTENT", List.of("noi dung", "noi dung chuyen tien", "dien giai", "description",
                "reference", "remark"));
        SAMPLE_HEADERS.put("BANK_BIN", List.of("ma ngan hang", "bin", "ma bin", "bank code", "ma nh"));
        SAMPLE_HEADERS.put("BANK_SHORT", List.of("ngan hang", "ngan hang huong", "ngan hang thu huong", "ten ngan hang",
                "beneficiary bank", "bank"));
        SAMPLE_HEADERS.put("REF", List.of("so chung tu", "ma giao dich", "ref no", "so tham chieu"));
    }

    /**
     * The layout of a bank's own sample file (uploaded once by the board): the first row naming an account, a name
     * and an amount column is the header; every header is kept in its order and spelling, columns cho40 cannot fill
     * stay empty ({@code BLANK_n}); a row above it becomes the title. Empty when no such row is found.
     */
    public static Optional<Template> fromSample(String filename, List<vn.cho40.shared.TableFile.Row> rows) {
        for (int i = 0; i < Math.min(rows.size(), 20); i++) {
            Map<String, String> columns = new LinkedHashMap<>();
            int blank = 0;
            for (String cell : rows.get(i).cells()) {
                String folded = SearchText.fold(cell).strip().replaceAll("\\s*/.*$", "");
                String role = SAMPLE_HEADERS.entrySet().stream().filter(e -> e.getValue().contains(folded)
                        && !columns.containsKey(e.getKey())).map(Map.Entry::getKey).findFirst().orElse(null);
                columns.put(role != null ? role : "BLANK_" + (++blank), cell.strip().replace("|", "/").replace("=", "-"));
            }
            if (columns.containsKey("ACCOUNT") && columns.containsKey("NAME") && columns.containsKey("AMOUNT")) {
                String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
                String title = i > 0 ? String.join(" ", rows.get(0).cells()).strip() : "";
                return Optional.of(new Template("BOARD", "", "", name.endsWith(".csv") ? "CSV" : "XLSX", title,
                        columns, 70, 50, false, "sample"));
            }
        }
        return Optional.empty();
    }

    /** A board's stored layout: "CODE=header|CODE=header". */
    public static Template boardTemplate(String label, String type, String title, String columns) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String c : columns.split("\\|")) {
            String[] kv = c.split("=", 2);
            map.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return new Template("BOARD", "", label, type, title == null ? "" : title, map, 70, 50, false, "sample");
    }

    /** The columns as stored: "CODE=header|CODE=header". */
    public static String columnsText(Template t) {
        return String.join("|", t.columns().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** The transfer's content: the reference first (so a truncated content keeps it), then "LUONG MM/YYYY". */
    public static String content(String ref, YearMonth period, int max) {
        String text = ref + " LUONG " + VnFormats.month(period);
        return text.length() > max ? text.substring(0, max) : text;
    }

    public static Written write(Template t, String debitAccount, YearMonth period, String marketCode,
                                List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("a bank file needs at least one transfer");
        }
        Map<String, String> shortNames = BankDirectory.shipped().shortNames();
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        long total = 0;
        for (Transfer tr : transfers) {
            if (!t.takes(tr.bin())) {
                throw new IllegalArgumentException(t.code() + " pays accounts at its own bank only: " + tr.ref());
            }
            n++;
            total = Math.addExact(total, tr.amountVnd());
            List<String> row = new ArrayList<>();
            for (String column : t.columns().keySet()) {
                row.add(switch (column) {
                    case "STT" -> String.valueOf(n);
                    case "DEBIT_ACCOUNT" -> debitAccount == null ? "" : debitAccount;
                    case "ACCOUNT" -> tr.account();
                    case "NAME" -> cut(SearchText.upperAscii(tr.name()), t.nameMax());
                    case "AMOUNT" -> String.valueOf(tr.amountVnd());
                    case "CONTENT" -> content(tr.ref(), period, t.contentMax());
                    case "BANK_BIN" -> tr.bin();
                    case "BANK_SHORT" -> shortNames.getOrDefault(tr.bin(), tr.bin());
                    case "REF" -> tr.ref();
                    default -> {
                        if (column.startsWith("BLANK_")) {
                            yield "";
                        }
                        throw new IllegalStateException("unknown column " + column);
                    }
                });
            }
            rows.add(row);
        }
        long check = transfers.stream().mapToLong(Transfer::amountVnd).sum();
        if (check != total || n != transfers.size()) {
            throw new IllegalStateException("bank file totals differ from the lines");
        }
        String filename = "luong-" + marketCode + "-" + period + "-" + t.code() + "." + t.extension();
        byte[] bytes = t.fileType().equals("CSV") ? csv(t, rows) : xlsx(t, rows, n, total);
        return new Written(filename, t.fileType().equals("CSV") ? "text/csv; charset=UTF-8" : XlsxTable.CONTENT_TYPE,
                bytes, n, total);
    }

    private static byte[] csv(Template t, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", t.columns().values().stream().map(BankFile::quote).toList())).append("\r\n");
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(BankFile::quote).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A small in-memory workbook (a bank file holds at most a few thousand lines): text cells for account numbers. */
    private static byte[] xlsx(Template t, List<List<String>> rows, int count, long total) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Sheet1");
            org.apache.poi.ss.usermodel.CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            int r = 0;
            if (!t.title().isEmpty()) {
                sheet.createRow(r++).createCell(0).setCellValue(t.title());
                sheet.createRow(r++).createCell(0).setCellValue("Tong so giao dich/Total count: " + count
                        + "; Tong so tien/Total amount: " + total);
            }
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(r++);
            int c = 0;
            for (String label : t.columns().values()) {
                header.createCell(c).setCellValue(label);
                sheet.setColumnWidth(c++, 20 * 256);
            }
            List<String> codes = List.copyOf(t.columns().keySet());
            for (List<String> row : rows) {
                org.apache.poi.ss.usermodel.Row out = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    org.apache.poi.ss.usermodel.Cell cell = out.createCell(i);
                    if (codes.get(i).equals("AMOUNT") || codes.get(i).equals("STT")) {
                        cell.setCellValue(Long.parseLong(row.get(i)));
                    } else {
                        cell.setCellStyle(text);
                        cell.setCellValue(row.get(i));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9 /().:-]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static List<Template> load() {
        try (InputStream in = BankFile.class.getResourceAsStream("/data/payroll/bank-templates.csv")) {
            List<Template> list = new ArrayList<>();
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", 10);
                Map<String, String> columns = new LinkedHashMap<>();
                for (String c : f[5].split("\\|")) {
                    String[] kv = c.split("=", 2);
                    columns.put(kv[0].strip(), kv[1].strip());
                }
                list.add(new Template(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), columns,
                        Integer.parseInt(f[6].strip()), Integer.parseInt(f[7].strip()),
                        Boolean.parseBoolean(f[8].strip()), f[9].strip()));
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
