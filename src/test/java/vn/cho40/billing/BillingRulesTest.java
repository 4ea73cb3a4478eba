package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.metering.MeterUsage;

/** The rate a stall's charge takes on a day, and the arithmetic of a line: proration, per-day units, VAT. */
class BillingRulesTest {

    static final UUID MARKET = UUID.randomUUID();

    static FeeRate rate(UUID market, Integer marketClass, String position, Boolean covered, String unit, long price,
                        boolean vatIncluded, Integer vatBp, LocalDate from, LocalDate to) {
        return new FeeRate(UUID.randomUUID(), "19", market, marketClass, Charge.RENT, position, covered, null, unit,
                price, vatIncluded, vatBp, "r" + price, "480/QĐ-UBND", LocalDate.of(2026, 2, 14), "UBND tỉnh",
                from, to);
    }

    static StallFacts stall(String position, boolean covered) {
        return new StallFacts(UUID.randomUUID(), "A-1", MARKET, "19", 1, new BigDecimal("12.5"), position, covered,
                "FIXED", Set.of(Charge.RENT));
    }

    @Test
    void theMostSpecificRateInForceWins() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        FeeRate province = rate(null, null, null, null, "M2_MONTH", 20_000, true, 800, jan, null);
        FeeRate classOne = rate(null, 1, null, null, "M2_MONTH", 30_000, true, 800, jan, null);
        FeeRate corner = rate(null, 1, "VT1", null, "M2_MONTH", 45_000, true, 800, jan, null);
        FeeRate market = rate(MARKET, null, null, null, "M2_MONTH", 50_000, true, 800, jan, LocalDate.of(2026, 6, 30));
        List<FeeRate> book = List.of(province, classOne, corner, market);
        assertThat(RateBook.select(book, stall(null, true), Charge.RENT, LocalDate.of(2026, 3, 1))).contains(market);
        assertThat(RateBook.select(book, stall("VT1", true), Charge.RENT, LocalDate.of(2026, 7, 1))).contains(corner);
        assertThat(RateBook.select(book, stall("VT2", true), Charge.RENT, LocalDate.of(2026, 7, 1))).contains(classOne);
        assertThat(RateBook.select(book, stall(null, true), Charge.CLEANING, LocalDate.of(2026, 7, 1))).isEmpty();
        assertThat(RateBook.select(book, stall(null, true), Charge.RENT, LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void aNewRateAppliesFromItsFirstDayAndOverlapsAreFound() {
        FeeRate old = rate(null, null, null, null, "M2_MONTH", 20_000, true, 800, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 6, 30));
        FeeRate next = rate(null, null, null, null, "M2_MONTH", 24_000, true, 800, LocalDate.of(2026, 7, 1), null);
        List<FeeRate> book = List.of(old, next);
        assertThat(RateBook.select(book, stall(null, true), Charge.RENT, LocalDate.of(2026, 6, 1))).contains(old);
        assertThat(RateBook.select(book, stall(null, true), Charge.RENT, LocalDate.of(2026, 7, 1))).contains(next);
        assertThat(old.overlaps(next)).isFalse();
        FeeRate clash = rate(null, null, null, null, "M2_MONTH", 22_000, true, 800, LocalDate.of(2026, 6, 1), null);
        assertThat(old.overlaps(clash)).isTrue();
        FeeRate otherClass = rate(null, 2, null, null, "M2_MONTH", 22_000, true, 800, LocalDate.of(2026, 6, 1), null);
        assertThat(old.overlaps(otherClass)).as("another scope").isFalse();
    }

    @Test
    void aRateComingIntoForceMidMonthPricesOnlyItsDays() {
        // 480/QĐ-UBND raises the rent from 15/02/2026: February is 14 days at the old rate, 14 at the new.
        LocalDate feb = LocalDate.of(2026, 2, 1);
        LocalDate end = LocalDate.of(2026, 2, 28);
        FeeRate old = rate(null, null, null, null, "M2_MONTH", 28_000, true, 800, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 2, 14));
        FeeRate next = rate(null, null, null, null, "M2_MONTH", 42_000, true, 800, LocalDate.of(2026, 2, 15), null);
        List<RateBook.Span> spans = RateBook.spans(List.of(next, old), stall(null, true), Charge.RENT, feb, end);
        assertThat(spans).containsExactly(new RateBook.Span(old, feb, LocalDate.of(2026, 2, 14)),
                new RateBook.Span(next, LocalDate.of(2026, 2, 15), end));
        // 12.5 m² × 28,000 × 14/28 = 175,000 and 12.5 × 42,000 × 14/28 = 262,500
        assertThat(BillingRuns.line(old, stall(null, true), 14, 28, null).amountVnd()).isEqualTo(175_000);
        assertThat(BillingRuns.line(next, stall(null, true), 14, 28, null).amountVnd()).isEqualTo(262_500);

        assertThat(RateBook.spans(List.of(old, next), stall(null, true), Charge.RENT, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31))).as("a month inside one rate: one span")
                .containsExactly(new RateBook.Span(next, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertThat(RateBook.spans(List.of(next), stall(null, true), Charge.RENT, feb, end))
                .as("the days before the first rate have none")
                .containsExactly(new RateBook.Span(null, feb, LocalDate.of(2026, 2, 14)),
                        new RateBook.Span(next, LocalDate.of(2026, 2, 15), end));
        FeeRate market = rate(MARKET, null, null, null, "M2_MONTH", 50_000, true, 800, LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 20));
        assertThat(RateBook.spans(List.of(old, next, market), stall(null, true), Charge.RENT, feb, end))
                .as("a market's own rate for some days cuts in and out")
                .extracting(RateBook.Span::rate).containsExactly(old, market, next);
    }

    @Test
    void aLineSaysWhetherItsVatIsInThePriceOrOnTop() {
        // 3.5 m² × 26,000 with VAT included: 91,000; the same price with 8 % on top: 98,280.
        assertThat(LineText.vatNote(26_000, 3_500, 30, 30, 800, 91_000)).isEqualTo("INCLUDED");
        assertThat(LineText.vatNote(26_000, 3_500, 30, 30, 800, 98_280)).isEqualTo("ADDED");
        assertThat(LineText.vatNote(26_000, 3_500, 10, 30, 800, 32_760)).as("10 of 30 days, VAT on top")
                .isEqualTo("ADDED");
        assertThat(LineText.vatNote(30_000, 1_000, 92, 92, 800, 90_000)).as("a quarter of a monthly price")
                .isEqualTo("INCLUDED");
        assertThat(LineText.vatNote(26_000, 3_500, 30, 30, null, 91_000)).as("no VAT").isNull();
        assertThat(LineText.vatNote(26_000, 3_500, null, null, 800, 91_000)).as("a correction's line").isNull();
        assertThat(LineText.vatNote(26_000, 3_500, 30, 30, 800, 50_000)).as("cannot be told").isNull();
    }

    @Test
    void aLeaseStartingInsideTheMonthPaysItsDays() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        LocalDate last = LocalDate.of(2026, 11, 30);
        assertThat(LineMath.daysHeld(first, last, LocalDate.of(2026, 11, 21), null)).isEqualTo(10);
        assertThat(LineMath.daysHeld(first, last, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 5))).isEqualTo(5);
        assertThat(LineMath.daysHeld(first, last, LocalDate.of(2026, 12, 2), null)).isZero();
        FeeRate monthly = rate(null, null, null, null, "M2_MONTH", 45_000, true, 800, first, null);
        // 12.5 m² × 45,000 = 562,500 for the month; 10 of 30 days = 187,500.
        BillingRuns.DraftLine line = BillingRuns.line(monthly, stall(null, true), 10, 30, null);
        assertThat(line.amountVnd()).isEqualTo(187_500);
        assertThat(line.quantityMilli()).isEqualTo(12_500);
        assertThat(BillingRuns.line(monthly, stall(null, true), 30, 30, null).amountVnd()).isEqualTo(562_500);
        // One day of 31: 562,500 / 31 = 18,145.16 → 18,145 (half up).
        assertThat(BillingRuns.line(monthly, stall(null, true), 1, 31, null).amountVnd()).isEqualTo(18_145);
    }

    @Test
    void perDayPricesCountTheDaysHeldAndMeteredChargesAddTheirVat() {
        FeeRate daily = rate(null, 3, null, true, "M2_DAY", 2_000, true, 800, LocalDate.of(2026, 1, 1), null);
        assertThat(BillingRuns.line(daily, stall(null, true), 30, 30, null).amountVnd()).as("12.5 × 2,000 × 30")
                .isEqualTo(750_000);
        FeeRate power = new FeeRate(UUID.randomUUID(), "19", null, null, Charge.ELECTRICITY, null, null, null, "KWH",
                3_152, false, 800, "điện", "1279/QĐ-BCT", LocalDate.of(2025, 5, 9), "Bộ Công Thương",
                LocalDate.of(2025, 5, 10), null);
        MeterUsage.StallUsage used = new MeterUsage.StallUsage(UUID.randomUUID(),
                List.of(new MeterUsage.Part("E-1", 1_200, 1_285)));
        BillingRuns.DraftLine line = BillingRuns.line(power, stall(null, true), 30, 30, used);
        // 85 kWh × 3,152 = 267,920 + 8 % VAT 21,434 (21,433.6 half up) = 289,354.
        assertThat(line.amountVnd()).isEqualTo(289_354);
        assertThat(line.readingFrom()).isEqualTo(1_200);
        assertThat(line.readingTo()).isEqualTo(1_285);
        assertThat(BillingRuns.line(power, stall(null, true), 30, 30, null)).as("no reading: not billable").isNull();
    }

    @Test
    void onlyAMeteredChargeIsPricedPerKwhOrCubicMetre() {
        LocalDate jan = LocalDate.of(2026, 3, 1);
        FeeRate rentPerKwh = rate(null, null, null, null, "KWH", 3_000, true, 800, jan, null);
        assertThat(FeeRates.problems(rentPerKwh)).extracting(vn.cho40.shared.Violation::field).containsExactly("unit");
        assertThat(FeeRates.problems(rate(null, null, null, null, "M3", 3_000, true, 800, jan, null)))
                .extracting(vn.cho40.shared.Violation::field).containsExactly("unit");
        assertThat(FeeRates.problems(rate(null, null, null, null, "M2_MONTH", 3_000, true, 800, jan, null))).isEmpty();
    }

    @Test
    void billNumbersRunPerMarketAndYear() {
        assertThat(BillingRuns.billNumber("TN-DAITU", 2026, 42)).isEqualTo("TN-DAITU-2026-000042");
    }

    @Test
    void aPeriodIsAMonthAQuarterOrADay() {
        assertThat(BillingPeriod.parse("2026-11").orElseThrow()).isEqualTo(BillingPeriod.month(java.time.YearMonth.of(2026, 11)));
        BillingPeriod q = BillingPeriod.parse("2026-q4").orElseThrow();
        assertThat(q.first()).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
        assertThat(q.last()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
        assertThat(q.months()).isEqualTo(3);
        assertThat(q.label()).isEqualTo("quý 4/2026");
        assertThat(q.toString()).isEqualTo("2026-Q4");
        assertThat(BillingPeriod.parse("15/11/2026").orElseThrow()).isEqualTo(BillingPeriod.day(java.time.LocalDate.of(2026, 11, 15)));
        assertThat(BillingPeriod.parse("2026-13")).isEmpty();
        assertThat(BillingPeriod.parse("Q5-2026")).isEmpty();
    }

    @Test
    void aBillsDatesTellItsPeriod() {
        var d = java.time.LocalDate.of(2026, 10, 1);
        assertThat(BillingPeriod.of(d, java.time.LocalDate.of(2026, 12, 31))).isEqualTo(BillingPeriod.quarter(2026, 4));
        assertThat(BillingPeriod.of(d, java.time.LocalDate.of(2026, 10, 31)).kind()).isEqualTo(BillingPeriod.Kind.MONTH);
        assertThat(BillingPeriod.of(d, d).kind()).isEqualTo(BillingPeriod.Kind.DAY);
        // Three months that are not a calendar quarter are read as the month they start in.
        assertThat(BillingPeriod.of(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2027, 1, 31)).kind())
                .isEqualTo(BillingPeriod.Kind.MONTH);
        assertThat(BillingPeriod.quarter(2026, 4).shortLabel()).isEqualTo("4/2026");
        assertThat(BillingPeriod.day(java.time.LocalDate.of(2026, 11, 5)).shortLabel()).isEqualTo("05/11/2026");
    }

    @Test
    void aRunForAnOldOrAComingPeriodIsOneToConfirm() {
        var today = java.time.LocalDate.of(2026, 12, 5);
        assertThat(BillingPeriod.parse("2026-11").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.USUAL);
        assertThat(BillingPeriod.parse("2026-12").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.RUNNING);
        assertThat(BillingPeriod.parse("2026-10").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.PAST);
        assertThat(BillingPeriod.parse("2027-01").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.FUTURE);
        assertThat(BillingPeriod.parse("2026-Q3").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.USUAL);
        assertThat(BillingPeriod.parse("2026-Q4").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.RUNNING);
        assertThat(BillingPeriod.parse("05/12/2026").orElseThrow().timing(today)).as("today's tickets")
                .isEqualTo(BillingPeriod.Timing.USUAL);
        assertThat(BillingPeriod.parse("2026-Q1").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.PAST);
        assertThat(BillingPeriod.parse("2027-Q1").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.FUTURE);
        assertThat(BillingPeriod.parse("04/12/2026").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.USUAL);
        assertThat(BillingPeriod.parse("03/12/2026").orElseThrow().timing(today)).isEqualTo(BillingPeriod.Timing.PAST);
        // In January, last quarter is the previous year's fourth.
        assertThat(BillingPeriod.parse("2026-Q4").orElseThrow().timing(java.time.LocalDate.of(2027, 1, 10)))
                .isEqualTo(BillingPeriod.Timing.USUAL);
        assertThat(BillingPeriod.parse("2026-Q3").orElseThrow().timing(java.time.LocalDate.of(2027, 1, 10)))
                .isEqualTo(BillingPeriod.Timing.PAST);
    }
}
