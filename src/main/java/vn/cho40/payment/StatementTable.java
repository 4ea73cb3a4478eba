package vn.cho40.payment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cho40.payment.InboundPayment.Direction;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.Violation;

/**
 * Reads a Vietnamese internet-banking statement export (CSV or XLSX; PROVIDERS.md §4): no two banks agree, so
 * the table's header row is found by accent-insensitive synonyms, the column → role layout is proposed for a
 * board to confirm once per bank template, and the header block gives the account and balances. Pure.
 */
final class StatementTable {

    public enum Role { DATE, REFERENCE, CREDIT, DEBIT, BALANCE, DESCRIPTION, PAYER }

    private static final Map<Role, List<String>> SYNONYMS = new EnumMap<>(Map.of(
            Role.DATE, List.of("ngay giao dich", "ngay gd", "transaction date", "ngay hach toan", "posting date",
                    "ngay hieu luc", "value date", "thoi gian giao dich", "ngay", "date"),
            Role.REFERENCE, List.of("so tham chieu", "so but toan", "so gd", "ma giao dich", "ma gd",
                    "transaction no", "reference", "so ct", "ref no"),
            Role.CREDIT, List.of("so tien ghi co", "ghi co", "phat sinh co", "tien gui vao", "credit", "co"),
            Role.DEBIT, List.of("so tien ghi no", "ghi no", "phat sinh no", "tien rut ra", "debit", "no"),
            Role.BALANCE, List.of("so du", "balance"),
            Role.DESCRIPTION, List.of("noi dung chi tiet", "noi dung", "dien giai", "mo ta", "details",
                    "description"),
            Role.PAYER, List.of("doi tac", "remitter", "ten doi ung", "nguoi chuyen")));

    private static final List<String> ACCOUNT_LABELS = List.of("so tai khoan", "account number", "account no");
    private static final List<String> OPENING_LABELS = List.of("so du dau ky", "so du dau", "opening balance");
    private static final List<String> CLOSING_LABELS = List.of("so du cuoi ky", "so du cuoi", "closing balance");
    private static final int MAX_ROWS = 100_000;
    private static final int HEADER_SEARCH = 40;

    private StatementTable() {
    }

    /** Where the table is and which column holds what; {@code headerKey} names the bank template. */
    public record Layout(int headerIndex, Map<Role, Integer> columns, List<String> headers, String headerKey)
            implements java.io.Serializable {
    }

    static List<TableFile.Row> rows(String filename, byte[] content) {
        return TableFile.rows(filename, content, MAX_ROWS);
    }

    /** The first row that names a date and a credit or debit column, and its proposed layout. */
    static Layout detect(List<TableFile.Row> rows) {
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH); i++) {
            Map<Role, Integer> columns = new EnumMap<>(Role.class);
            List<String> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                Role role = roleOf(cells.get(c));
                if (role != null && !columns.containsKey(role)) {
                    columns.put(role, c);
                }
            }
            if (columns.containsKey(Role.DATE) && (columns.containsKey(Role.CREDIT) || columns.containsKey(Role.DEBIT))
                    && columns.size() >= 3) {
                return new Layout(i, columns, cells, String.join("|", cells.stream().map(SearchText::fold).toList()));
            }
        }
        throw new InvalidInputException(Violation.of("file", "statement.header.notFound"));
    }

    /** The role a header cell names: the longest synonym contained in it as whole words wins. */
    static Role roleOf(String header) {
        String h = " " + SearchText.fold(header) + " ";
        Role best = null;
        int bestLength = 0;
        for (var e : SYNONYMS.entrySet()) {
            for (String synonym : e.getValue()) {
                if (synonym.length() > bestLength && h.contains(" " + synonym + " ")) {
                    best = e.getKey();
                    bestLength = synonym.length();
                }
            }
        }
        return best;
    }

    /** Reads the statement with a layout (detected, or as the board confirmed it). */
    static Statement read(List<TableFile.Row> rows, Layout layout) {
        Map<Role, Integer> col = layout.columns();
        if (!col.containsKey(Role.DATE) || !(col.containsKey(Role.CREDIT) || col.containsKey(Role.DEBIT))) {
            throw new InvalidInputException(Violation.of("mapping", "statement.mapping.incomplete"));
        }
        String account = null;
        Long opening = null;
        Long closing = null;
        List<Violation> problems = new ArrayList<>();
        for (TableFile.Row row : rows.subList(0, layout.headerIndex())) {
            account = account != null ? account : labelled(row, ACCOUNT_LABELS, true);
            opening = opening != null ? opening : amountLabelled(row, OPENING_LABELS, problems);
            closing = closing != null ? closing : amountLabelled(row, CLOSING_LABELS, problems);
        }
        List<Statement.Entry> entries = new ArrayList<>();
        for (TableFile.Row row : rows.subList(layout.headerIndex() + 1, rows.size())) {
            String dateCell = row.cell(col.get(Role.DATE)).strip();
            LocalDate date = date(dateCell);
            Long credit = col.containsKey(Role.CREDIT) ? amount(row.cell(col.get(Role.CREDIT))) : Long.valueOf(0);
            Long debit = col.containsKey(Role.DEBIT) ? amount(row.cell(col.get(Role.DEBIT))) : Long.valueOf(0);
            if (date == null) {
                // Past the table: totals and the closing balance follow in many banks' exports.
                closing = closing != null ? closing : amountLabelled(row, CLOSING_LABELS, problems);
                opening = opening != null ? opening : amountLabelled(row, OPENING_LABELS, problems);
                if (!dateCell.isEmpty() && SearchText.fold(dateCell).chars().anyMatch(Character::isDigit)
                        && labelled(row, CLOSING_LABELS, false) == null && labelled(row, OPENING_LABELS, false) == null) {
                    problems.add(Violation.of("file", "statement.line.date", row.number(), dateCell));
                }
                continue;
            }
            if (credit == null || debit == null || (credit > 0 && debit > 0) || credit < 0 || debit < 0) {
                problems.add(Violation.of("file", "statement.line.amount", row.number()));
                continue;
            }
            if (credit == 0 && debit == 0) {
                continue;
            }
            Long balance = col.containsKey(Role.BALANCE) ? amount(row.cell(col.get(Role.BALANCE))) : null;
            entries.add(new Statement.Entry(row.number(), date, cell(row, col, Role.REFERENCE),
                    credit > 0 ? Direction.CREDIT : Direction.DEBIT, credit > 0 ? credit : debit,
                    cell(row, col, Role.DESCRIPTION), cell(row, col, Role.PAYER), balance));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.subList(0, Math.min(problems.size(), 20)));
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "statement.empty"));
        }
        Statement.Entry first = entries.getFirst();
        Statement.Entry last = entries.getLast();
        if (opening == null && first.balanceAfterVnd() != null) {
            opening = first.balanceAfterVnd() - (first.direction() == Direction.CREDIT ? first.amountVnd()
                    : -first.amountVnd());
        }
        if (closing == null && last.balanceAfterVnd() != null) {
            closing = last.balanceAfterVnd();
        }
        if (opening == null || closing == null) {
            throw new InvalidInputException(Violation.of("file", "statement.balance.missing"));
        }
        return new Statement("TABLE", account, first.bookedOn(), last.bookedOn(), opening, closing, entries);
    }

    private static String cell(TableFile.Row row, Map<Role, Integer> col, Role role) {
        String v = col.containsKey(role) ? row.cell(col.get(role)).strip() : "";
        return v.isEmpty() ? null : v;
    }

    /** The value after a label: "Số tài khoản: 123" in one cell, or the next non-blank cell of the row. */
    private static String labelled(TableFile.Row row, List<String> labels, boolean digitsOnly) {
        List<String> cells = row.cells();
        for (int c = 0; c < cells.size(); c++) {
            String folded = " " + SearchText.fold(cells.get(c)) + " ";
            for (String label : labels) {
                int at = folded.indexOf(" " + label + " ");
                if (at < 0) {
                    continue;
                }
                String rest = cells.get(c).contains(":") ? cells.get(c).substring(cells.get(c).indexOf(':') + 1).strip()
                        : "";
                for (int n = c + 1; rest.isEmpty() && n < cells.size(); n++) {
                    rest = cells.get(n).strip();
                }
                if (digitsOnly) {
                    Matcher m = Pattern.compile("[0-9]{5,19}").matcher(rest.replace(" ", ""));
                    return m.find() ? m.group() : null;
                }
                return rest;
            }
        }
        return null;
    }

    private static Long amountLabelled(TableFile.Row row, List<String> labels, List<Violation> problems) {
        String value = labelled(row, labels, false);
        if (value == null) {
            return null;
        }
        Long amount = amount(value);
        if (amount == null) {
            problems.add(Violation.of("file", "statement.line.amount", row.number()));
        }
        return amount;
    }

    private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}([.,' ][0-9]{3})*");
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+");

    /**
     * Whole đồng from "1.234.567", "1,234,567", "1234567", "1.234.567,00" or "(VND) 50,000.00"; blank is 0;
     * null when it is not a whole number of đồng.
     */
    static Long amount(String text) {
        String s = text == null ? "" : text.replaceAll("(?i)\\(?vnd\\)?|đ|₫", "").strip();
        if (s.isEmpty() || s.equals("-")) {
            return 0L;
        }
        s = s.replaceAll("[.,]0{1,2}$", "");
        if (GROUPED.matcher(s).matches() || PLAIN.matcher(s).matches()) {
            try {
                return Long.parseLong(s.replaceAll("[.,' ]", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("d/M/uu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

    /** dd/MM/yyyy (what Vietnamese banks print), optionally followed by a time; also ISO dates. */
    static LocalDate date(String text) {
        String s = text.strip();
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space);
        }
        int t = s.indexOf('T');
        if (t > 0) {
            s = s.substring(0, t);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
