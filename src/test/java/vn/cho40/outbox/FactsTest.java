package vn.cho40.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.Money;

/** The published language: facts read back as written, totals per market and Vietnam day, when the outbox writes. */
class FactsTest {

    private static final UUID MARKET = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("01900000-0000-7000-8000-000000000002");

    @Test
    void everyFactReadsBackAsWritten() {
        List<Fact> facts = List.of(
                new Fact.Payments(MARKET, LocalDate.of(2026, 12, 4), 3, Money.vnd(150_000)),
                new Fact.Payments(MARKET, LocalDate.of(2026, 12, 4), -1, Money.vnd(-50_000)),
                new Fact.BillPayments(MARKET, LocalDate.of(2026, 12, 1), 2, Money.vnd(400_000)),
                new Fact.MarketStatus(MARKET, "LIVE", LocalDate.of(2026, 11, 30), Instant.parse("2026-12-04T01:02:03Z")),
                new Fact.MarketStatus(MARKET, "PLANNED", null, Instant.parse("2026-12-04T01:02:03Z")),
                new Fact.KpiMonth(MARKET, YearMonth.of(2026, 11), 2, true, 120, 100, 80, 4_000, Money.vnd(900_000_000)));
        for (Fact f : facts) {
            assertThat(FactJson.read(FactJson.write(f))).isEqualTo(f);
        }
        assertThat(FactJson.write(facts.getFirst())).contains("\"value_vnd\":150000", "\"type\":\"payments\"");
    }

    @Test
    void anUnknownOrIncompletePayloadIsRefusedClearly() {
        assertThatThrownBy(() -> FactJson.read("{\"type\":\"weather\",\"market_id\":\"" + MARKET + "\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown fact type");
        assertThatThrownBy(() -> FactJson.read("{\"type\":\"payments\",\"market_id\":\"" + MARKET + "\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day");
        assertThatThrownBy(() -> FactJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentsAreSummedPerMarketAndVietnamDay() {
        DailyTotals t = new DailyTotals()
                .add(MARKET, Instant.parse("2026-12-03T16:59:59Z"), 1, 10_000) // 23:59:59 on the 3rd in Vietnam
                .add(MARKET, Instant.parse("2026-12-03T17:00:00Z"), 1, 20_000) // 00:00 on the 4th
                .add(MARKET, Instant.parse("2026-12-04T05:00:00Z"), 1, 30_000)
                .add(OTHER, Instant.parse("2026-12-04T05:00:00Z"), 1, 5_000)
                .add(OTHER, Instant.parse("2026-12-04T06:00:00Z"), -1, -5_000); // taken back in the same transaction
        assertThat(t.payments()).containsExactly(
                new Fact.Payments(MARKET, LocalDate.of(2026, 12, 3), 1, Money.vnd(10_000)),
                new Fact.Payments(MARKET, LocalDate.of(2026, 12, 4), 2, Money.vnd(50_000)));
        assertThat(t.billPayments()).allMatch(f -> f instanceof Fact.BillPayments).hasSize(2);
    }

    @Test
    void theOutboxWritesOnlyWhenPublishingIsConfigured() {
        assertThat(new OutboxSettings("", "", "cell").enabled()).as("one machine, no Kafka").isFalse();
        assertThat(new OutboxSettings("", "k1:9092", "cell").relays()).isTrue();
        assertThat(new OutboxSettings("", "k1:9092", "national").enabled()).as("the national server consumes").isFalse();
        assertThat(new OutboxSettings("true", "", "cell").enabled()).isTrue();
        assertThat(new OutboxSettings("true", "", "cell").relays()).as("another server of the cell relays").isFalse();
        assertThat(new OutboxSettings("false", "k1:9092", "cell").enabled()).isFalse();
    }
}
