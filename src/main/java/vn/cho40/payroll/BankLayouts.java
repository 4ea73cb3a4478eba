package vn.cho40.payroll;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.Violation;

/** A board's own bank layout, learnt from the sample file its bank gives, kept with the board's payroll settings. */
@Service
public class BankLayouts {

    private final JdbcClient db;
    private final Markets markets;
    private final AuditLog audit;
    private final Clock clock;

    BankLayouts(JdbcClient db, Markets markets, AuditLog audit, Clock clock) {
        this.db = db;
        this.markets = markets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public BankFile.Template learn(String marketCode, String filename, byte[] content) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_EDIT);
        BankFile.Template t = BankFile.fromSample(filename, TableFile.rows(filename, content, 50))
                .orElseThrow(() -> new InvalidInputException(Violation.of("file", "payroll.layout.unreadable")));
        db.sql("""
                INSERT INTO payroll_board (market_id, region, updated_at, bank_layout_type, bank_layout_columns,
                    bank_layout_title) VALUES (?, 'I', ?, ?, ?, ?)
                ON CONFLICT (market_id) DO UPDATE SET bank_layout_type = excluded.bank_layout_type,
                    bank_layout_columns = excluded.bank_layout_columns, bank_layout_title = excluded.bank_layout_title,
                    updated_at = excluded.updated_at""")
                .params(market.id(), Timestamp.from(clock.instant()), t.fileType(), BankFile.columnsText(t), t.title())
                .update();
        audit.record("PAYROLL_BANK_LAYOUT", "market", market.code(), market.id(), market.provinceCode(),
                BankFile.columnsText(t));
        return t;
    }

    /** The board's layout, if it uploaded one. */
    public Optional<BankFile.Template> of(UUID marketId, String label) {
        return db.sql("""
                SELECT bank_layout_type, bank_layout_title, bank_layout_columns FROM payroll_board
                WHERE market_id = ? AND bank_layout_columns IS NOT NULL""")
                .param(marketId).query((rs, n) -> BankFile.boardTemplate(label, rs.getString(1), rs.getString(2),
                        rs.getString(3))).optional();
    }
}
