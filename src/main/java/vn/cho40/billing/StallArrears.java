package vn.cho40.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one stall's trader owes: the unpaid bills a board chases together (one visit, one notice), their total, the
 * oldest due date and so the worst age. Pure: built from a market's open bills.
 */
public record StallArrears(String stallCode, UUID traderId, String traderName, List<Bills.View> bills, long dueVnd,
                    LocalDate oldestDueOn, ArrearsAging age) {

    /** Days past the oldest due date (0 when nothing is due yet). */
    public long daysLate(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(oldestDueOn, today));
    }

    /**
     * One row per stall and trader (a stall re-leased still owes its old trader's bills, apart), the longest
     * overdue first, then the larger debt, so the board's list reads from whom to visit first.
     */
    static List<StallArrears> of(List<Bills.View> open, LocalDate today) {
        Map<String, List<Bills.View>> byStall = new LinkedHashMap<>();
        for (Bills.View b : open) {
            if (b.dueVnd() > 0) {
                byStall.computeIfAbsent(b.stallCode() + "\u0000" + b.traderId(), k -> new ArrayList<>()).add(b);
            }
        }
        List<StallArrears> rows = new ArrayList<>();
        for (List<Bills.View> bills : byStall.values()) {
            Bills.View first = bills.getFirst();
            LocalDate oldest = bills.stream().map(Bills.View::dueOn).min(LocalDate::compareTo).orElseThrow();
            long due = bills.stream().mapToLong(Bills.View::dueVnd).sum();
            rows.add(new StallArrears(first.stallCode(), first.traderId(), first.traderName(), List.copyOf(bills), due,
                    oldest, ArrearsAging.of(oldest, today)));
        }
        rows.sort((a, b) -> a.oldestDueOn.equals(b.oldestDueOn) ? Long.compare(b.dueVnd, a.dueVnd)
                : a.oldestDueOn.compareTo(b.oldestDueOn));
        return rows;
    }
}
