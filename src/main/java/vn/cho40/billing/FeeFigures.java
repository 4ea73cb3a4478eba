package vn.cho40.billing;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.rollout.MarketFigures;
import vn.cho40.shared.VnFormats;

/**
 * What the rollout reads of fees: per market and month, the đồng paid against bills by transfer, and by any means
 * (transfer, cash at the desk, credit used), by when the payment was made in Vietnam.
 */
@Configuration(proxyBeanMethods = false)
class FeeFigures {

    @Bean
    MarketFigures feesPaidByTransfer(JdbcClient db) {
        return figure(db, MarketFigures.FEES_CASHLESS_VND, "AND p.method = 'TRANSFER'");
    }

    @Bean
    MarketFigures feesPaid(JdbcClient db) {
        return figure(db, MarketFigures.FEES_TOTAL_VND, "");
    }

    private static MarketFigures figure(JdbcClient db, String key, String condition) {
        return new MarketFigures() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Map<UUID, Long> perMarket(String provinceCode, YearMonth month) {
                Map<UUID, Long> sums = new HashMap<>();
                db.sql("""
                        SELECT p.market_id, sum(p.amount_vnd) FROM bill_payment p JOIN market m ON m.id = p.market_id
                        WHERE (? = '' OR m.province_code = ?) AND p.paid_at >= ? AND p.paid_at < ?\s""" + condition + """
                         GROUP BY p.market_id""")
                        .params(provinceCode == null ? "" : provinceCode, provinceCode == null ? "" : provinceCode,
                                Timestamp.from(month.atDay(1).atStartOfDay(VnFormats.VIETNAM).toInstant()),
                                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(VnFormats.VIETNAM).toInstant()))
                        .query((rs, n) -> sums.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
                return sums;
            }
        };
    }
}
