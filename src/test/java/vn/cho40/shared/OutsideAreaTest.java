package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "Outside your area" only where the address itself names the market, whole segments only. */
class OutsideAreaTest {

    private final OutsideArea daiTu = new OutsideArea("/markets/TN-DAITU", "market.outsideArea", "market.notFound",
            "TN-DAITU", "Chợ trung tâm Đại Từ");

    @Test
    void namedByTheMarketsOwnAddresses() {
        assertThat(daiTu.namedBy("/admin/markets/TN-DAITU/stalls")).isTrue();
        assertThat(daiTu.namedBy("/admin/markets/tn-daitu/edit")).as("codes are case-insensitive").isTrue();
        assertThat(daiTu.namedBy("/api/v1/markets/TN-DAITU")).isTrue();
        assertThat(daiTu.namedBy("/api/v1/markets/TN-DAITU/stalls/A-1/qr")).isTrue();
    }

    @Test
    void notNamedByOtherAddresses() {
        assertThat(daiTu.namedBy("/api/v1/traders")).isFalse();
        assertThat(daiTu.namedBy("/payments/exceptions/0190-1234/assign")).isFalse();
        assertThat(daiTu.namedBy("/admin/markets/TN-DAITU2/stalls")).isFalse();
        assertThat(daiTu.namedBy("/admin/markets/XTN-DAITU")).isFalse();
        assertThat(daiTu.messageKey()).as("elsewhere it is not found").isEqualTo("market.notFound");
    }
}
