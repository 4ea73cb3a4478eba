package vn.cho40.payroll;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.bank.Bank;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.PhoneNumber;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;
import vn.cho40.trader.HolderName;

/**
 * The staff register of each market board. Personal numbers are stored only encrypted (with a keyed hash for
 * uniqueness and the last four digits for display), exactly as traders'; every full read is audited; a board sees
 * only its own market's staff (others' are not found).
 */
@Service
public class StaffRegister {

    private final JdbcClient db;
    private final FieldCipher cipher;
    private final Markets markets;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    StaffRegister(JdbcClient db, FieldCipher cipher, Markets markets, Access access, AuditLog audit, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.markets = markets;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What "show in full" reveals. */
    public record Revealed(String idNumber, String phone, String accountNumber) {
    }

    /** The staff of a market (the caller's scope and PAYROLL_READ checked). */
    public List<StaffMember> list(Market market) {
        return loadWhere("s.market_id = ?", market.id());
    }

    public StaffMember get(UUID id, Permission permission) {
        StaffMember s = find(id).orElseThrow(() -> new NotFoundException("payroll.staff.notFound", id));
        Market m = markets.findById(s.marketId()).orElseThrow();
        access.check(Markets.place(m), permission, "payroll.staff.notFound", id);
        return s;
    }

    Optional<StaffMember> find(UUID id) {
        return loadWhere("s.id = ?", id).stream().findFirst();
    }

    @Transactional
    public StaffMember create(String marketCode, StaffForm form) {
        return createFor(markets.forStaff(marketCode, Permission.PAYROLL_EDIT), form);
    }

    /** Adds a person to a market's payroll, for a caller that has checked the market is the user's (the demo). */
    @Transactional
    StaffMember createFor(Market market, StaffForm form) {
        Checked c = check(form);
        byte[] idHash = cipher.index("payroll_id_number", c.idNumber());
        if (db.sql("SELECT count(*) FROM payroll_staff WHERE market_id = ? AND id_hash = ?")
                .params(market.id(), idHash).query(Integer.class).single() > 0) {
            throw new InvalidInputException(Violation.of("idNumber", "payroll.staff.idTaken"));
        }
        UUID id = Ids.newId(clock);
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("""
                INSERT INTO payroll_staff (id, market_id, full_name, id_enc, id_hash, id_last4, phone_enc, phone_hash,
                    phone_last4, bank_bin, account_enc, account_hash, account_last4, holder_name, holder_mismatch_reason,
                    position, contract_kind, coefficient_hundredths, salary_vnd, dependants, start_on, end_on,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, market.id(), c.fullName(), cipher.encrypt("payroll_id_number", c.idNumber()), idHash,
                        Mask.last4Of(c.idNumber()), encryptOrNull("phone", c.phone()),
                        c.phone() == null ? null : cipher.index("phone", c.phone()),
                        c.phone() == null ? null : Mask.last4Of(c.phone()), c.bin(),
                        encryptOrNull("account", c.account()),
                        c.account() == null ? null : cipher.index("account", c.bin() + ":" + c.account()),
                        c.account() == null ? null : Mask.last4Of(c.account()), c.holder(), c.holderReason(),
                        c.position(), c.kind().name(), c.coefficient(), c.salary(), c.dependants(), c.startOn(),
                        c.endOn(), now, now)
                .update();
        insertAllowances(id, market.id(), c.allowances());
        audit.record("PAYROLL_STAFF_CREATE", "payroll_staff", id, market.id(), market.provinceCode(),
                c.position() + " " + c.kind());
        return find(id).orElseThrow();
    }

    @Transactional
    public StaffMember update(UUID id, StaffForm form) {
        StaffMember before = get(id, Permission.PAYROLL_EDIT);
        Market market = markets.findById(before.marketId()).orElseThrow();
        Checked c = check(withStoredNumbers(id, form));
        byte[] idHash = cipher.index("payroll_id_number", c.idNumber());
        if (db.sql("SELECT count(*) FROM payroll_staff WHERE market_id = ? AND id_hash = ? AND id <> ?")
                .params(market.id(), idHash, id).query(Integer.class).single() > 0) {
            throw new InvalidInputException(Violation.of("idNumber", "payroll.staff.idTaken"));
        }
        db.sql("""
                UPDATE payroll_staff SET full_name = ?, id_enc = ?, id_hash = ?, id_last4 = ?, phone_enc = ?,
                    phone_hash = ?, phone_last4 = ?, bank_bin = ?, account_enc = ?, account_hash = ?, account_last4 = ?,
                    holder_name = ?, holder_mismatch_reason = ?, position = ?, contract_kind = ?,
                    coefficient_hundredths = ?, salary_vnd = ?, dependants = ?, start_on = ?, end_on = ?, updated_at = ?
                WHERE id = ?""")
                .params(c.fullName(), cipher.encrypt("payroll_id_number", c.idNumber()), idHash,
                        Mask.last4Of(c.idNumber()), encryptOrNull("phone", c.phone()),
                        c.phone() == null ? null : cipher.index("phone", c.phone()),
                        c.phone() == null ? null : Mask.last4Of(c.phone()), c.bin(), encryptOrNull("account", c.account()),
                        c.account() == null ? null : cipher.index("account", c.bin() + ":" + c.account()),
                        c.account() == null ? null : Mask.last4Of(c.account()), c.holder(), c.holderReason(),
                        c.position(), c.kind().name(), c.coefficient(), c.salary(), c.dependants(), c.startOn(),
                        c.endOn(), Timestamp.from(clock.instant()), id)
                .update();
        db.sql("DELETE FROM payroll_allowance WHERE staff_id = ?").param(id).update();
        insertAllowances(id, market.id(), c.allowances());
        audit.record("PAYROLL_STAFF_UPDATE", "payroll_staff", id, market.id(), market.provinceCode(),
                c.position() + " " + c.kind());
        return find(id).orElseThrow();
    }

    /** A number left blank on the edit form keeps its stored value (the form never shows it in full). */
    private StaffForm withStoredNumbers(UUID id, StaffForm f) {
        Map<String, Object> row = db.sql("SELECT id_enc, phone_enc, account_enc FROM payroll_staff WHERE id = ?")
                .param(id).query().singleRow();
        String idNumber = isBlank(f.idNumber()) ? cipher.decrypt("payroll_id_number", (byte[]) row.get("id_enc"))
                : f.idNumber();
        String phone = isBlank(f.phone()) && row.get("phone_enc") != null
                ? cipher.decrypt("phone", (byte[]) row.get("phone_enc")) : f.phone();
        String account = isBlank(f.accountNumber()) && !isBlank(f.bank()) && row.get("account_enc") != null
                ? cipher.decrypt("account", (byte[]) row.get("account_enc")) : f.accountNumber();
        return new StaffForm(f.fullName(), idNumber, phone, f.bank(), account, f.holderName(), f.holderReason(),
                f.position(), f.contractKind(), f.coefficient(), f.salary(), f.dependants(), f.startOn(), f.endOn(),
                f.allowances());
    }

    /** The numbers in full, for PERSONAL_DATA_UNMASK holders; audited. */
    @Transactional
    public Revealed reveal(UUID id) {
        StaffMember s = get(id, Permission.PERSONAL_DATA_UNMASK);
        Market market = markets.findById(s.marketId()).orElseThrow();
        Map<String, Object> row = db.sql("SELECT id_enc, phone_enc, account_enc FROM payroll_staff WHERE id = ?")
                .param(id).query().singleRow();
        audit.record("PERSONAL_DATA_READ", "payroll_staff", id, market.id(), market.provinceCode(), null);
        return new Revealed(cipher.decrypt("payroll_id_number", (byte[]) row.get("id_enc")),
                row.get("phone_enc") == null ? null : cipher.decrypt("phone", (byte[]) row.get("phone_enc")),
                row.get("account_enc") == null ? null : cipher.decrypt("account", (byte[]) row.get("account_enc")));
    }

    /** The wage region of the board's workplace (I when not set). */
    public Region region(UUID marketId) {
        return db.sql("SELECT region FROM payroll_board WHERE market_id = ?").param(marketId).query(String.class)
                .optional().flatMap(Region::parse).orElse(Region.I);
    }

    @Transactional
    public void setRegion(String marketCode, String regionText) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_EDIT);
        Region region = Region.parse(regionText).orElseThrow(
                () -> new InvalidInputException(Violation.of("region", "payroll.region.invalid")));
        db.sql("""
                INSERT INTO payroll_board (market_id, region, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (market_id) DO UPDATE SET region = excluded.region, updated_at = excluded.updated_at""")
                .params(market.id(), region.name(), Timestamp.from(clock.instant())).update();
        audit.record("PAYROLL_REGION", "market", market.code(), market.id(), market.provinceCode(), region.name());
    }

    /** The encrypted account number of a staff member (copied, still encrypted, onto an approved line). */
    byte[] accountCipherText(UUID staffId) {
        return db.sql("SELECT account_enc FROM payroll_staff WHERE id = ?").param(staffId).query(byte[].class).single();
    }

    String decryptAccount(byte[] enc) {
        return cipher.decrypt("account", enc);
    }

    private byte[] encryptOrNull(String field, String value) {
        return value == null ? null : cipher.encrypt(field, value);
    }

    private void insertAllowances(UUID staffId, UUID marketId, List<StaffMember.StaffAllowance> allowances) {
        for (StaffMember.StaffAllowance a : allowances) {
            db.sql("""
                    INSERT INTO payroll_allowance (id, staff_id, market_id, kind, amount_vnd, taxable, insurable)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(clock), staffId, marketId, a.kind(), a.amountVnd(), a.taxable(), a.insurable())
                    .update();
        }
    }

    private List<StaffMember> loadWhere(String condition, Object param) {
        List<Object[]> rows = db.sql("""
                SELECT s.id, s.market_id, s.full_name, s.id_last4, s.phone_last4, s.bank_bin, s.account_last4,
                       s.holder_name, s.holder_mismatch_reason, s.position, s.contract_kind, s.coefficient_hundredths,
                       s.salary_vnd, s.dependants, s.start_on, s.end_on
                FROM payroll_staff s
                WHERE """ + " " + condition + " ORDER BY s.full_name, s.id")
                .param(param)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                    (Integer) rs.getObject(12), (Long) rs.getObject(13), rs.getInt(14),
                    rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class)})
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StaffMember.StaffAllowance>> allowances = new LinkedHashMap<>();
        db.sql("SELECT staff_id, kind, amount_vnd, taxable, insurable FROM payroll_allowance WHERE staff_id = ANY(?) "
                + "ORDER BY kind")
                .param(rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new))
                .query((rs, n) -> {
                    allowances.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new StaffMember.StaffAllowance(rs.getString(2), rs.getLong(3), rs.getBoolean(4),
                                    rs.getBoolean(5)));
                    return 0;
                }).list();
        return rows.stream().map(r -> new StaffMember((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                StaffMember.ContractKind.valueOf((String) r[10]), (Integer) r[11], (Long) r[12], (Integer) r[13],
                (LocalDate) r[14], (LocalDate) r[15], allowances.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    record Checked(String fullName, String idNumber, String phone, String bin, String account, String holder,
                   String holderReason, String position, StaffMember.ContractKind kind, Integer coefficient,
                   Long salary, int dependants, LocalDate startOn, LocalDate endOn,
                   List<StaffMember.StaffAllowance> allowances) {
    }

    /** Every problem of the form at once, each naming its field; nothing is saved while one remains. */
    static Checked check(StaffForm f) {
        List<Violation> problems = new ArrayList<>();
        String name = f.fullName() == null ? "" : f.fullName().strip().replaceAll("\\s+", " ");
        if (name.length() < 2 || name.length() > 120) {
            problems.add(Violation.of("fullName", "payroll.staff.fullName.invalid"));
        }
        String idNumber = f.idNumber() == null ? "" : f.idNumber().replaceAll("[\\s.\\-]", "");
        if (!idNumber.matches("0[0-9]{11}")) {
            problems.add(Violation.of("idNumber", "payroll.staff.idNumber.invalid"));
        }
        String phone = null;
        if (f.phone() != null && !f.phone().isBlank()) {
            phone = PhoneNumber.normalize(f.phone()).orElse(null);
            if (phone == null) {
                problems.add(Violation.of("phone", "payroll.staff.phone.invalid"));
            }
        }
        String bin = null;
        String account = null;
        String holder = null;
        String reason = blankToNull(f.holderReason());
        boolean wantsAccount = !isBlank(f.bank()) || !isBlank(f.accountNumber());
        if (wantsAccount) {
            Optional<Bank> bank = isBlank(f.bank()) ? Optional.empty()
                    : BankDirectory.shipped().byBin(f.bank().strip()).or(() -> BankDirectory.shipped().byName(f.bank()));
            if (bank.isEmpty()) {
                problems.add(Violation.of("bank", "payroll.staff.bank.unknown"));
            } else {
                bin = bank.get().bin();
            }
            account = f.accountNumber() == null ? "" : f.accountNumber().replaceAll("[\\s.\\-]", "");
            if (!account.matches("[0-9A-Za-z]{6,19}")) {
                problems.add(Violation.of("accountNumber", "payroll.staff.account.invalid"));
            }
            holder = HolderName.bankStyle(isBlank(f.holderName()) ? name : f.holderName());
            if (!HolderName.matches(holder, name) && reason == null) {
                problems.add(Violation.of("holderName", "payroll.staff.holder.mismatch", holder));
            }
            if (HolderName.matches(holder, name)) {
                reason = null;
            }
        }
        String position = f.position() == null ? "" : f.position().strip();
        if (position.isEmpty() || position.length() > 80) {
            problems.add(Violation.of("position", "payroll.staff.position.invalid"));
        }
        StaffMember.ContractKind kind = null;
        Integer coefficient = null;
        Long salary = null;
        try {
            kind = StaffMember.ContractKind.valueOf(f.contractKind() == null ? "" : f.contractKind().strip());
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("contractKind", "payroll.staff.contractKind.invalid"));
        }
        if (kind == StaffMember.ContractKind.COEFFICIENT) {
            coefficient = coefficient(f.coefficient());
            if (coefficient == null) {
                problems.add(Violation.of("coefficient", "payroll.staff.coefficient.invalid"));
            }
        } else if (kind == StaffMember.ContractKind.FIXED) {
            salary = Money.parse(f.salary()).map(Money::vnd).filter(v -> v > 0 && v <= 1_000_000_000L).orElse(null);
            if (salary == null) {
                problems.add(Violation.of("salary", "payroll.staff.salary.invalid"));
            }
        }
        int dependants = 0;
        try {
            dependants = isBlank(f.dependants()) ? 0 : Integer.parseInt(f.dependants().strip());
        } catch (NumberFormatException e) {
            dependants = -1;
        }
        if (dependants < 0 || dependants > 20) {
            problems.add(Violation.of("dependants", "payroll.staff.dependants.invalid"));
        }
        LocalDate start = isBlank(f.startOn()) ? null : VnFormats.parseDate(f.startOn()).orElse(null);
        if (start == null) {
            problems.add(Violation.of("startOn", "payroll.staff.startOn.invalid"));
        }
        LocalDate end = null;
        if (!isBlank(f.endOn())) {
            end = VnFormats.parseDate(f.endOn()).orElse(null);
            if (end == null || (start != null && end.isBefore(start))) {
                problems.add(Violation.of("endOn", "payroll.staff.endOn.invalid"));
            }
        }
        List<StaffMember.StaffAllowance> allowances = new ArrayList<>();
        for (Map.Entry<String, String> a : new java.util.TreeMap<>(f.allowances()).entrySet()) {
            if (isBlank(a.getValue())) {
                continue;
            }
            Optional<AllowanceKinds.Kind> k = AllowanceKinds.find(a.getKey());
            Optional<Long> amount = Money.parse(a.getValue()).map(Money::vnd).filter(v -> v <= 100_000_000L);
            if (k.isEmpty() || amount.isEmpty()) {
                problems.add(Violation.of("allowance" + a.getKey(), "payroll.staff.allowance.invalid", a.getKey()));
            } else if (amount.get() > 0) {
                allowances.add(new StaffMember.StaffAllowance(k.get().code(), amount.get(), k.get().taxable(),
                        k.get().insurable()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(name, idNumber, phone, bin, account, holder, reason, position, kind, coefficient, salary,
                dependants, start, end, allowances);
    }

    /** "2,34", "2.34" or "3" as hundredths; null when it is not a coefficient between 0,01 and 20,00. */
    static Integer coefficient(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,2}([.,][0-9]{1,2})?")) {
            return null;
        }
        String[] parts = text.strip().split("[.,]");
        int hundredths = Integer.parseInt(parts[0]) * 100
                + (parts.length > 1 ? Integer.parseInt((parts[1] + "0").substring(0, 2)) : 0);
        return hundredths >= 1 && hundredths <= 2000 ? hundredths : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
