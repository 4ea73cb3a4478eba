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

    /** The transfer's content: the reference first (so a truncated content keeps it), then "LUONG MM/YYYY". */
    public static String content(String ref, YearMonth period, int max) {
        String text = ref + " LUONG " + String.format("%02d/%d", period.getMonthValue(), period.getYear());
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
                    default -> throw new IllegalStateException("unknown column " + column);
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

    private static byte[] xlsx(Template t, List<List<String>> rows, int count, long total) {
        List<XlsxTable.Column> columns = t.columns().entrySet().stream()
                .map(e -> new XlsxTable.Column(e.getValue(), e.getKey().equals("AMOUNT") || e.getKey().equals("STT")
                        ? XlsxTable.Kind.COUNT : XlsxTable.Kind.TEXT, e.getKey().equals("NAME") ? 32 : 18)).toList();
        try (XlsxTable table = new XlsxTable("Sheet1", columns)) {
            if (!t.title().isEmpty()) {
                table.line(t.title(), true);
                table.line("Tong so giao dich/Total count: " + count + "; Tong so tien/Total amount: " + total, false);
            }
            table.header();
            for (List<String> row : rows) {
                Object[] values = new Object[row.size()];
                int i = 0;
                for (String column : t.columns().keySet()) {
                    String v = row.get(i);
                    values[i++] = column.equals("AMOUNT") || column.equals("STT") ? Long.parseLong(v) : v;
                }
                table.row(values);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            table.writeTo(out);
            return out.toByteArray();
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
