package vn.cho40.payroll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.identity.Permission;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.Violation;

/**
 * The bank's per-line result of a salary batch (exported from its portal as CSV or XLSX): each row is found by the
 * transfer reference cho40 put in the content (C40L…), its status read as paid or failed. All rows are checked
 * before any is recorded; one transaction records them all.
 */
@Service
public class TransferResults {

    static final Pattern REF = Pattern.compile("C40L[0-9A-Z]{10}");
    private static final List<String> PAID = List.of("thanh cong", "success", "paid", "da chuyen", "hoan thanh",
            "completed", "succeeded");
    private static final List<String> FAILED = List.of("that bai", "loi", "failed", "error", "tra lai", "returned",
            "reversed", "rejected", "tu choi", "khong thanh cong");

    private final PayrollRuns runs;

    TransferResults(PayrollRuns runs) {
        this.runs = runs;
    }

    /** What an import recorded. */
    public record Outcome(int paid, int failed, int unchanged) {
    }

    /** The outcome a status cell says: PAID, FAILED, or null when it says neither. */
    static PayrollLine.PaymentStatus status(String cell) {
        String s = SearchText.fold(cell == null ? "" : cell);
        if (FAILED.stream().anyMatch(s::contains)) {
            return PayrollLine.PaymentStatus.FAILED;
        }
        return PAID.stream().anyMatch(s::contains) ? PayrollLine.PaymentStatus.PAID : null;
    }

    /**
     * The board's bank statement: salary debits matched to the run's transfers (SalaryDebits); all checked before any
     * line is recorded paid, in one transaction.
     */
    @Transactional
    public Outcome importStatement(UUID runId, String filename, byte[] content) {
        runs.run(runId, Permission.PAYROLL_EDIT);
        List<PayrollLine> lines = runs.lines(runId);
        SalaryDebits.Matched m = SalaryDebits.match(SalaryDebits.read(TableFile.rows(filename, content,
                TableFile.MAX_ROWS)), lines);
        if (!m.problems().isEmpty()) {
            throw new InvalidInputException(m.problems());
        }
        if (m.paid().isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "payroll.statement.none"));
        }
        for (PayrollLine l : lines) {
            if (m.paid().contains(l.id())) {
                runs.markPaid(l.id());
            }
        }
        return new Outcome(m.paid().size(), 0, 0);
    }

    @Transactional
    public Outcome importFile(UUID runId, String filename, byte[] content) {
        runs.run(runId, Permission.PAYROLL_EDIT);
        Map<String, PayrollLine> byRef = new HashMap<>();
        for (PayrollLine l : runs.lines(runId)) {
            byRef.put(l.transferRef(), l);
        }
        List<Violation> problems = new ArrayList<>();
        Map<PayrollLine, String[]> results = new HashMap<>();
        for (TableFile.Row row : TableFile.rows(filename, content, TableFile.MAX_ROWS)) {
            String ref = null;
            PayrollLine.PaymentStatus status = null;
            StringBuilder text = new StringBuilder();
            for (String cell : row.cells()) {
                Matcher m = REF.matcher(cell == null ? "" : cell.toUpperCase());
                if (ref == null && m.find()) {
                    ref = m.group();
                } else if (status == null) {
                    status = status(cell);
                    if (status != null) {
                        text.append(cell.strip());
                    }
                }
            }
            if (ref == null) {
                continue; // a header or a total line
            }
            PayrollLine line = byRef.get(ref);
            if (line == null) {
                problems.add(Violation.of("file", "payroll.results.unknownRef", row.number(), ref));
            } else if (status == null) {
                problems.add(Violation.of("file", "payroll.results.noStatus", row.number(), ref));
            } else if (results.put(line, new String[] {status.name(), text.toString()}) != null) {
                problems.add(Violation.of("file", "payroll.results.twice", row.number(), ref));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (results.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "payroll.results.none"));
        }
        int paid = 0;
        int failed = 0;
        int unchanged = 0;
        for (Map.Entry<PayrollLine, String[]> r : results.entrySet()) {
            PayrollLine line = r.getKey();
            boolean ok = r.getValue()[0].equals("PAID");
            if (line.status() == PayrollLine.PaymentStatus.PAID) {
                unchanged++; // already paid: never paid twice
            } else if (ok) {
                runs.markPaid(line.id());
                paid++;
            } else {
                runs.markFailed(line.id(), r.getValue()[1]);
                failed++;
            }
        }
        return new Outcome(paid, failed, unchanged);
    }
}
