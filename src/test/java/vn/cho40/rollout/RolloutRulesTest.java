package vn.cho40.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rollout's arithmetic: where a target stands, roll-ups in both unit regimes, and the demo's seed figures. */
class RolloutRulesTest {

    private static final LocalDate PLAN = LocalDate.of(2022, 10, 20);

    @Test
    void aTargetIsMetOnTrackBehindOrMissed() {
        LocalDate deadline = LocalDate.of(2022, 12, 31);
        assertThat(TargetProgress.evaluate(60, deadline, PLAN, 10, LocalDate.of(2022, 11, 20), 61.0).status())
                .isEqualTo(TargetProgress.Status.MET);
        // 10 → 40 in 31 days: 30 more need 31 days, by 21/12: on track.
        TargetProgress onTrack = TargetProgress.evaluate(70, deadline, PLAN, 10, LocalDate.of(2022, 11, 20), 40.0);
        assertThat(onTrack.status()).isEqualTo(TargetProgress.Status.ON_TRACK);
        assertThat(onTrack.projectedOn()).isEqualTo(LocalDate.of(2022, 12, 21));
        TargetProgress behind = TargetProgress.evaluate(100, deadline, PLAN, 10, LocalDate.of(2022, 11, 20), 20.0);
        assertThat(behind.status()).isEqualTo(TargetProgress.Status.BEHIND);
        assertThat(behind.projectedOn()).isAfter(deadline);
        assertThat(TargetProgress.evaluate(100, deadline, PLAN, 10, deadline, 90.0, true).status())
                .isEqualTo(TargetProgress.Status.MISSED);
        assertThat(TargetProgress.evaluate(100, deadline, PLAN, 10, LocalDate.of(2022, 11, 20), 10.0).projectedOn())
                .as("no progress, no projection").isNull();
        assertThat(TargetProgress.evaluate(100, deadline, PLAN, 0, LocalDate.of(2022, 11, 20), null).status())
                .isEqualTo(TargetProgress.Status.NOT_RECORDED);
    }

    private static MarketMonth market(String code, String commune, String district, boolean live, int traders,
                                      int withQr, int active, long count, long value, Map<String, Long> figures) {
        return new MarketMonth(UUID.nameUUIDFromBytes(code.getBytes()), code, "Chợ " + code, "19", commune, district,
                live, traders, withQr, active, count, value, figures);
    }

    @Test
    void figuresRollUpByCommuneAndByFormerDistrict() {
        // Two markets of one 2025 commune that lay in two former districts, and a third market elsewhere.
        List<MarketMonth> markets = List.of(
                market("A", "05488", "164", true, 100, 80, 60, 900, 1_000_000, Map.of()),
                market("B", "05488", "165", false, 50, 10, 0, 0, 0, Map.of()),
                market("C", "05443", "165", true, 40, 40, 30, 300, 500_000, Map.of()));
        YearMonth m = YearMonth.of(2024, 5);
        List<UnitMonth> communes = UnitMonth.rollUp(Level.COMMUNE, m, markets, code -> "xã " + code);
        assertThat(communes).extracting(UnitMonth::code).containsExactly("05443", "05488");
        UnitMonth daiPhuc = communes.get(1);
        assertThat(daiPhuc.markets()).isEqualTo(2);
        assertThat(daiPhuc.marketsLive()).isEqualTo(1);
        assertThat(daiPhuc.tradersWithQr()).isEqualTo(90);
        assertThat(daiPhuc.qrShare()).isEqualTo(60.0);
        List<UnitMonth> districts = UnitMonth.rollUp(Level.DISTRICT, m, markets, code -> "huyện " + code);
        assertThat(districts).extracting(UnitMonth::code).containsExactly("164", "165");
        assertThat(districts.get(1).paymentsCount()).isEqualTo(300);
        assertThat(districts.get(1).traders()).isEqualTo(90);
        assertThat(districts.get(1).activeShare()).isEqualTo(60.0); // 30 of 50 with a code
        long byCommune = communes.stream().mapToLong(UnitMonth::paymentsValue).sum();
        long byDistrict = districts.stream().mapToLong(UnitMonth::paymentsValue).sum();
        assertThat(byCommune).isEqualTo(byDistrict).isEqualTo(1_500_000);
    }

    @Test
    void aFigureNoModuleAnswersIsNotRecordedNeverZero() {
        UnitMonth none = UnitMonth.of(Level.PROVINCE, "19", "Thái Nguyên", YearMonth.of(2024, 5),
                List.of(market("A", "05488", "164", true, 10, 5, 2, 9, 90, Map.of())));
        assertThat(Indicator.FEES_CASHLESS.of(none)).isNull();
        assertThat(none.feesCashlessShare()).isNull();
        UnitMonth fees = UnitMonth.of(Level.PROVINCE, "19", "Thái Nguyên", YearMonth.of(2024, 5), List.of(
                market("A", "05488", "164", true, 10, 5, 2, 9, 90,
                        Map.of(MarketFigures.FEES_CASHLESS_VND, 300L, MarketFigures.FEES_TOTAL_VND, 400L)),
                market("B", "05488", "164", true, 10, 5, 2, 9, 90,
                        Map.of(MarketFigures.FEES_CASHLESS_VND, 0L, MarketFigures.FEES_TOTAL_VND, 100L))));
        assertThat(Indicator.FEES_CASHLESS.of(fees)).isEqualTo(new Indicator.Actual(1, 2L));
        assertThat(fees.feesCashlessShare()).isEqualTo(60.0);
        assertThat(Indicator.MARKETS_LIVE.of(fees).percent()).isEqualTo(100.0);
        assertThat(Indicator.TRADERS_ACTIVE.of(fees)).isEqualTo(new Indicator.Actual(4, 10L));
    }

    @Test
    void theDemoHistoryGivesTheSeedsFiguresForDaiTuInAugust2022() {
        LocalDate live = LocalDate.of(2022, 4, 28);
        int withQr = 0;
        for (int r = 0; r < 380; r++) {
            if (!DemoHistory.qrDate("TN-DAITU", live, r, 380).isAfter(LocalDate.of(2022, 8, 31))) {
                withQr++;
            }
        }
        assertThat(withQr).isGreaterThan(300).isEqualTo(304); // 80 %
        DemoHistory.Month august = DemoHistory.month("TN-DAITU", YearMonth.of(2022, 8), withQr, 4);
        List<DemoHistory.Share> shares = DemoHistory.split("TN-DAITU", YearMonth.of(2022, 8), august, withQr);
        assertThat(shares).hasSize(200).allSatisfy(s -> assertThat(s.payments()).isPositive());
        assertThat(shares.stream().mapToLong(DemoHistory.Share::payments).sum()).isEqualTo(2_900);
        assertThat(shares.stream().mapToLong(DemoHistory.Share::valueVnd).sum()).isEqualTo(3_300_000_000L);
        assertThat(shares.stream().map(DemoHistory.Share::trader).distinct().count()).isEqualTo(200);
        int last = withQr - 1;
        assertThat(shares).allSatisfy(s -> assertThat(s.trader()).isBetween(0, last));
        // Another market's month splits exactly too.
        DemoHistory.Month other = DemoHistory.month("TN-DU", YearMonth.of(2024, 3), 120, 18);
        List<DemoHistory.Share> otherShares = DemoHistory.split("TN-DU", YearMonth.of(2024, 3), other, 120);
        assertThat(otherShares.stream().mapToLong(DemoHistory.Share::payments).sum()).isEqualTo(other.payments());
        assertThat(otherShares.stream().mapToLong(DemoHistory.Share::valueVnd).sum()).isEqualTo(other.valueVnd());
        assertThat(otherShares.stream().allMatch(s -> s.valueVnd() >= 0)).isTrue();
    }

    @Test
    void halfYearsAndYearsCoverTheirMonths() {
        assertThat(MonthlyReport.Period.of(MonthlyReport.Kind.HALF, YearMonth.of(2025, 3)).months())
                .hasSize(6).startsWith(YearMonth.of(2025, 1)).endsWith(YearMonth.of(2025, 6));
        assertThat(MonthlyReport.Period.of(MonthlyReport.Kind.HALF, YearMonth.of(2025, 9)).first())
                .isEqualTo(YearMonth.of(2025, 7));
        assertThat(MonthlyReport.Period.of(MonthlyReport.Kind.YEAR, YearMonth.of(2024, 2)).months()).hasSize(12);
        assertThat(ReportHeading.periodWords(MonthlyReport.Period.of(MonthlyReport.Kind.MONTH, YearMonth.of(2022, 8))))
                .isEqualTo("tháng 08/2022");
    }
}
