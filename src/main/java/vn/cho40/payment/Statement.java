package vn.cho40.payment;

import java.time.LocalDate;
import java.util.List;
import vn.cho40.payment.InboundPayment.Direction;

/**
 * A bank statement for one account, whatever file it came from: the balances it states and its entries.
 * {@link #balanceProblem()} is the safety check: opening + credits − debits must equal closing, and each
 * entry's running balance, where the bank printed one, must follow from the one before.
 */
public record Statement(String format, String account, LocalDate from, LocalDate to, long openingVnd, long closingVnd,
                 List<Entry> entries) implements java.io.Serializable {

    /** One booked line. {@code balanceAfterVnd} is null when the bank prints no running balance. */
    public record Entry(int line, LocalDate bookedOn, String reference, Direction direction, long amountVnd, String text,
                 String payerName, Long balanceAfterVnd) implements java.io.Serializable {
    }

    public long creditsVnd() {
        return entries.stream().filter(e -> e.direction() == Direction.CREDIT).mapToLong(Entry::amountVnd).sum();
    }

    public long debitsVnd() {
        return entries.stream().filter(e -> e.direction() == Direction.DEBIT).mapToLong(Entry::amountVnd).sum();
    }

    /** Null when the statement adds up; otherwise what does not, with the line and the figures. */
    public Problem balanceProblem() {
        long running = openingVnd;
        for (Entry e : entries) {
            running += e.direction() == Direction.CREDIT ? e.amountVnd() : -e.amountVnd();
            if (e.balanceAfterVnd() != null && e.balanceAfterVnd() != running) {
                return new Problem("statement.balance.line", e.line(), running, e.balanceAfterVnd());
            }
        }
        if (running != closingVnd) {
            return new Problem("statement.balance.total", 0, running, closingVnd);
        }
        return null;
    }

    /** A message key and its figures: the line (0 for the totals), what the entries give, what the bank says. */
    public record Problem(String key, int line, long computedVnd, long statedVnd) implements java.io.Serializable {
    }
}
