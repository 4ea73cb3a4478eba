package vn.cho40.payroll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.Violation;

/**
 * Salary debits on the board's bank statement matched to a run's transfers, pure: a debit naming a line's
 * reference pays that line (its amount must be the line's); a debit equal to the total of the lines sent in a file
 * pays them all (VietinBank books a whole payroll as one debit); a debit without a reference equal to exactly one
 * line's amount pays it, and one equal to two lines' amounts is refused as ambiguous. Other debits are not salary.
 */
final class SalaryDebits {

    private static final List<String> DEBIT = List.of("so tien ghi no", "ghi no", "phat sinh no", "tien rut ra",
            "debit", "no");
    private static final List<String> DESCRIPTION = List.of("noi dung chi tiet", "noi dung", "dien giai", "mo ta",
            "details", "description");

    private SalaryDebits() {
    }

    /** One debit of the statement: its line number, amount and description. */
    record Debit(int line, long amountVnd, String description) {
    }

    /** What the debits prove: the lines paid, and the problems that stop the import. */
    record Matched(Set<UUID> paid, List<Violation> problems) {
    }

    /** The debits of a statement file: the first row naming a debit column is the header. */
    static List<Debit> read(List<TableFile.Row> rows) {
        int header = -1;
        int debit = -1;
        int description = -1;
        for (int i = 0; i < Math.min(rows.size(), 40) && header < 0; i++) {
            List<String> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                String h = SearchText.fold(cells.get(c)).strip();
                if (debit < 0 && DEBIT.contains(h)) {
                    debit = c;
                } else if (description < 0 && DESCRIPTION.contains(h)) {
                    description = c;
                }
            }
            if (debit >= 0) {
                header = i;
            } else {
                description = -1;
            }
        }
        List<Debit> debits = new ArrayList<>();
        if (header < 0) {
            return debits;
        }
        for (TableFile.Row row : rows.subList(header + 1, rows.size())) {
            String amount = row.cell(debit).replaceAll("[.,\\s]", "");
            if (amount.matches("[0-9]{1,15}") && Long.parseLong(amount) > 0) {
                String text = description >= 0 ? row.cell(description) : String.join(" ", row.cells());
                debits.add(new Debit(row.number(), Long.parseLong(amount), text));
            }
        }
        return debits;
    }

    static Matched match(List<Debit> debits, List<PayrollLine> lines) {
        Set<UUID> paid = new HashSet<>();
        List<Violation> problems = new ArrayList<>();
        List<PayrollLine> due = lines.stream().filter(l -> l.status() != PayrollLine.PaymentStatus.PAID
                && l.pay().netVnd() > 0).toList();
        long sentTotal = due.stream().filter(l -> l.status() == PayrollLine.PaymentStatus.SENT)
                .mapToLong(l -> l.pay().netVnd()).sum();
        for (Debit d : debits) {
            Matcher ref = TransferResults.REF.matcher(d.description().toUpperCase());
            if (ref.find()) {
                String found = ref.group();
                PayrollLine line = due.stream().filter(l -> l.transferRef().equals(found)).findFirst().orElse(null);
                if (line == null) {
                    continue; // another run's line, or one already paid
                }
                if (line.pay().netVnd() != d.amountVnd()) {
                    problems.add(Violation.of("file", "payroll.statement.amount", d.line(), found));
                } else {
                    paid.add(line.id());
                }
            } else if (sentTotal > 0 && d.amountVnd() == sentTotal) {
                due.stream().filter(l -> l.status() == PayrollLine.PaymentStatus.SENT).forEach(l -> paid.add(l.id()));
            } else {
                List<PayrollLine> same = due.stream().filter(l -> l.pay().netVnd() == d.amountVnd()).toList();
                if (same.size() == 1) {
                    paid.add(same.getFirst().id());
                } else if (same.size() > 1) {
                    problems.add(Violation.of("file", "payroll.statement.ambiguous", d.line(), same.size()));
                }
            }
        }
        return new Matched(paid, problems);
    }
}
