package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.audit.AuditLog;
import vn.cho40.cell.CellGuard;
import vn.cho40.cell.CellMap;
import vn.cho40.identity.Access;
import vn.cho40.outbox.Outbox;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * A cell holding Thái Nguyên only refuses a market of Điện Biên, saying which cell holds which provinces, in
 * Vietnamese and in English. The shared context is one database; this test builds the markets service of a cell.
 */
@IntegrationTest
class CellGuardIT {

    @Autowired
    MarketRepository repository;
    @Autowired
    AdminUnits units;
    @Autowired
    Clock clock;
    @Autowired
    Access access;
    @Autowired
    AuditLog audit;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient db;
    @Autowired
    MessageSource messages;

    @Test
    void aMarketOfAProvinceAnotherCellHoldsIsRefusedAndNotSaved() {
        Markets thaiNguyenCell = new Markets(repository, units, clock, access, audit, outbox,
                new CellGuard(CellMap.parse("19", Map.of("11", "postgres://cho40@dienbien-db/cho40"))));
        Map<String, Object> bungLao = db.sql("SELECT commune_code, pre2025_commune_code FROM market WHERE code = 'DB-BUNGLAO'")
                .query().singleRow();
        MarketForm form = new MarketForm("DB-CELLTEST", "Chợ thử cụm", (String) bungLao.get("commune_code"),
                (String) bungLao.get("pre2025_commune_code"), "", 3, OperatorType.BOARD, "", "", "", "", null, false);

        Violation v = catchThrowableOfType(InvalidInputException.class, () -> thaiNguyenCell.create(form, "test"))
                .violations().getFirst();

        assertThat(v.field()).isEqualTo("communeCode");
        assertThat(messages.getMessage(v.messageKey(), v.args().toArray(), Locale.forLanguageTag("vi")))
                .startsWith("Tỉnh mã 11 do cụm máy chủ khác quản lý: cụm này chỉ giữ dữ liệu tỉnh 19");
        assertThat(messages.getMessage(v.messageKey(), v.args().toArray(), Locale.ENGLISH))
                .startsWith("Province 11 is served by another cell: this cell holds only provinces 19");
        assertThat(repository.findByCode("DB-CELLTEST")).isEmpty();
    }
}
