package vn.cho40.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import vn.cho40.shared.Money;

/**
 * A fact a cell publishes for the national service, always of one market (the Kafka key, so one market's facts keep
 * their order in a partition). Totals are per market and day so a batch of a thousand payments is a handful of
 * events, and the national sums stay exact: a total is added once (its event id is seen once), a reversal is a
 * negative total.
 */
public sealed interface Fact {

    UUID marketId();

    /** The topic this kind of fact goes to. */
    String topic();

    /** Credits matched to a stall or a market board on one day (Vietnam time); negative for reversals. */
    record Payments(UUID marketId, LocalDate day, long count, Money value) implements Fact {
        public Payments {
            Objects.requireNonNull(marketId, "marketId");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String topic() {
            return Topics.PAYMENTS;
        }
    }

    /** Payments of bills (transfer, cash at the desk, the trader's credit) recorded on one day (Vietnam time). */
    record BillPayments(UUID marketId, LocalDate day, long count, Money value) implements Fact {
        public BillPayments {
            Objects.requireNonNull(marketId, "marketId");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String topic() {
            return Topics.BILLS;
        }
    }

    /** A market's rollout status moved (PLANNED, ONBOARDING, LIVE), recorded at {@code recordedAt}. */
    record MarketStatus(UUID marketId, String status, LocalDate effectiveOn, Instant recordedAt) implements Fact {
        public MarketStatus {
            Objects.requireNonNull(marketId, "marketId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        @Override
        public String topic() {
            return Topics.MARKETS;
        }
    }

    /** A market's closed month frozen (or re-frozen: a higher version replaces a lower one). */
    record KpiMonth(UUID marketId, YearMonth month, int version, boolean live, int traders, int tradersWithQr,
                    int tradersActive, long paymentsCount, Money paymentsValue) implements Fact {
        public KpiMonth {
            Objects.requireNonNull(marketId, "marketId");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(paymentsValue, "paymentsValue");
        }

        @Override
        public String topic() {
            return Topics.KPI;
        }
    }
}
