package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StallArrearsTest {

    private static final UUID LAN = UUID.randomUUID();
    private static final UUID HOA = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static Bills.View bill(String number, String stall, UUID trader, LocalDate due, long total, long paid) {
        return new Bills.View(UUID.randomUUID(), UUID.randomUUID(), number, "INVOICE", stall, trader,
                trader == LAN ? "Nguyễn Thị Lan" : "Lê Văn Hòa", due.withDayOfMonth(1).minusMonths(1), due, total, paid,
                0, paid > 0 ? "PARTLY_PAID" : "OPEN", "C40X", null, 0, null,
                YearMonth.from(due.minusMonths(1)).atEndOfMonth(), due.withDayOfMonth(1));
    }

    @Test
    void aStallsBillsAddUpUnderItsOldestDueDate() {
        List<StallArrears> rows = StallArrears.of(List.of(
                bill("HD-1", "A-2", LAN, LocalDate.of(2026, 10, 10), 300_000, 100_000),
                bill("HD-2", "B-1", HOA, LocalDate.of(2026, 11, 10), 500_000, 0),
                bill("HD-3", "A-2", LAN, LocalDate.of(2026, 11, 10), 300_000, 0),
                bill("HD-4", "A-2", LAN, LocalDate.of(2026, 12, 10), 300_000, 0)), TODAY);

        assertThat(rows).extracting(StallArrears::stallCode).containsExactly("A-2", "B-1");
        StallArrears lan = rows.getFirst();
        assertThat(lan.bills()).extracting(Bills.View::number).containsExactly("HD-1", "HD-3", "HD-4");
        assertThat(lan.dueVnd()).isEqualTo(200_000 + 300_000 + 300_000);
        assertThat(lan.oldestDueOn()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(lan.daysLate(TODAY)).isEqualTo(56);
        assertThat(lan.age()).isEqualTo(ArrearsAging.DAYS_31_60);
        assertThat(rows.get(1).age()).isEqualTo(ArrearsAging.DAYS_1_30);
    }

    @Test
    void aReleasedStallKeepsItsOldTradersDebtApartAndTiesGoToTheLargerDebt() {
        LocalDate due = LocalDate.of(2026, 11, 10);
        List<StallArrears> rows = StallArrears.of(List.of(
                bill("HD-1", "A-1", HOA, due, 100_000, 0),
                bill("HD-2", "A-1", LAN, due, 400_000, 0),
                bill("HD-3", "A-3", LAN, LocalDate.of(2026, 12, 20), 900_000, 0)), TODAY);

        assertThat(rows).extracting(StallArrears::traderName)
                .containsExactly("Nguyễn Thị Lan", "Lê Văn Hòa", "Nguyễn Thị Lan");
        assertThat(rows.get(2).age()).isEqualTo(ArrearsAging.NOT_DUE);
        assertThat(rows.get(2).daysLate(TODAY)).isZero();
    }

    @Test
    void aBillWithNothingLeftToPayIsNoDebt() {
        assertThat(StallArrears.of(List.of(bill("HD-1", "A-1", LAN, LocalDate.of(2026, 11, 10), 100_000, 100_000)),
                TODAY)).isEmpty();
    }
}
