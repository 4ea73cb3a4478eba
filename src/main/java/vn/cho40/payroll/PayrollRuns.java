package vn.cho40.payroll;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.ledger.Ledger;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/**
 * A board's monthly payroll: the preview (every person, each step, totals, the change against last month), the
 * manager's approval (one regular run per market and month; the lines become facts and the ledger books the
 * expense and what is owed), and the outcome of each transfer (paid: the ledger books the bank; failed: the line
 * goes into the next retry file).
 */
@Service
public class PayrollRuns {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final StaffRegister staff;
    private final Markets markets;
    private final Access access;
    private final AuditLog audit;
    private final Ledger ledger;
    private final BankLayouts layouts;
    private final AttendanceDays attendance;
    private final Clock clock;

    PayrollRuns(JdbcClient db, JdbcTemplate jdbc, StaffRegister staff, Markets markets, Access access, AuditLog audit,
                Ledger ledger, BankLayouts layouts, AttendanceDays attendance, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.staff = staff;
        this.markets = markets;
        this.access = access;
        this.audit = audit;
        this.ledger = ledger;
        this.layouts = layouts;
        this.attendance = attendance;
        this.clock = clock;
    }

    /**
     * One person in a preview: the days worked (from the board's attendance record when it has one, else from the
     * employment dates) against the month's working days, the full month's contract salary they prorate, the
     * computed pay, last month's net (null: not paid then) and what blocks approval.
     */
    public record PreviewLine(StaffMember person, int workedDays, int workingDays, boolean daysRecorded,
                              long contractSalaryVnd, PayCalculator.Result pay, Long lastMonthNetVnd, String problem) {
        public boolean changed() {
            return lastMonthNetVnd != null && lastMonthNetVnd != pay.netVnd();
        }
    }

    /** A month's payroll before approval. */
    public record Preview(Market market, YearMonth period, String rulesVersion, Region region, List<PreviewLine> lines,
                          PayrollRun approved) {
        public long grossVnd() {
            return lines.stream().mapToLong(l -> l.pay().grossVnd()).sum();
        }

        public long netVnd() {
            return lines.stream().mapToLong(l -> l.pay().netVnd()).sum();
        }

        public long insuranceVnd() {
            return lines.stream().mapToLong(l -> l.pay().insuranceVnd()).sum();
        }

        public long incomeTaxVnd() {
            return lines.stream().mapToLong(l -> l.pay().incomeTaxVnd()).sum();
        }

        public long employerCostVnd() {
            return lines.stream().mapToLong(l -> l.pay().employerCostVnd()).sum();
        }

        public boolean approvable() {
            return approved == null && !lines.isEmpty() && lines.stream().allMatch(l -> l.problem() == null);
        }
    }

    /** One-off amounts for a person in this month: a taxable addition (bonus) and a deduction after tax. */
    public record OneOff(long additionVnd, long deductionVnd) {
    }

    public Preview preview(String marketCode, YearMonth period) {
        return preview(markets.forStaff(marketCode, Permission.PAYROLL_READ), period, Map.of());
    }

    Preview preview(Market market, YearMonth period, Map<UUID, OneOff> oneOffs) {
        PayrollRules rules = rulesFor(period);
        Region region = staff.region(market.id());
        int workingDays = WorkingDays.inMonth(period);
        Map<UUID, Long> lastNet = netByStaff(market.id(), period.minusMonths(1));
        Map<UUID, Integer> recorded = attendance.recorded(market.id(), period);
        List<PreviewLine> lines = new ArrayList<>();
        for (StaffMember s : staff.list(market)) {
            int byDates = WorkingDays.worked(period, s.startOn(), s.endOn());
            // Recorded days never exceed the dates' days (checked when recorded); a person no longer employed that
            // month is off the run whatever was recorded.
            int worked = byDates == 0 ? 0 : Math.min(byDates, recorded.getOrDefault(s.id(), byDates));
            if (worked == 0) {
                continue;
            }
            OneOff extra = oneOffs.getOrDefault(s.id(), new OneOff(0, 0));
            List<PayCalculator.Allowance> allowances = s.allowances().stream()
                    .map(a -> new PayCalculator.Allowance(a.kind(), a.amountVnd(), a.taxable(), a.insurable())).toList();
            long contract = s.contractSalaryVnd(rules);
            PayCalculator.Result pay = PayCalculator.compute(rules, new PayCalculator.Input(period, region,
                    contract, allowances, s.dependants(), worked, workingDays, extra.additionVnd(),
                    extra.deductionVnd()));
            String problem = !s.hasAccount() ? "payroll.run.noAccount" : pay.netVnd() < 0 ? "payroll.run.negativeNet" : null;
            lines.add(new PreviewLine(s, worked, workingDays, recorded.containsKey(s.id()), contract, pay,
                    lastNet.get(s.id()), problem));
        }
        return new Preview(market, period, rules.version(), region, lines, regular(market.id(), period).orElse(null));
    }

    /** The rules of a month, or a message that the shipped table has none for it. */
    static PayrollRules rulesFor(YearMonth period) {
        try {
            return PayrollRules.forMonth(period);
        } catch (IllegalStateException e) {
            throw new InvalidInputException(Violation.of("period", "payroll.run.noRules",
                    period.getMonthValue() + "/" + period.getYear()));
        }
    }

    /**
     * The manager approves a month: refused when it is already approved, when nobody is on it, or when someone has no
     * bank account or would be paid less than nothing. One transaction: the run, its lines, the ledger and the audit.
     */
    @Transactional
    public PayrollRun approve(String marketCode, YearMonth period, Map<UUID, OneOff> oneOffs) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_APPROVE);
        CurrentUser user = access.require();
        return approveFor(market, period, oneOffs, user.username());
    }

    /** The approval itself, for a caller that has checked who may approve (the demo loader: "demo"). */
    @Transactional
    PayrollRun approveFor(Market market, YearMonth period, Map<UUID, OneOff> oneOffs, String approvedBy) {
        // One approval at a time per market: the unique index refuses a second regular run anyway.
        db.sql("SELECT pg_advisory_xact_lock(hashtext('payroll:' || ?))").param(market.id().toString()).query().listOfRows();
        if (regular(market.id(), period).isPresent()) {
            throw new InvalidInputException(Violation.of("period", "payroll.run.alreadyApproved",
                    period.getMonthValue() + "/" + period.getYear()));
        }
        for (UUID id : oneOffs.keySet()) {
            if (staff.find(id).filter(s -> s.marketId().equals(market.id())).isEmpty()) {
                throw new InvalidInputException(Violation.of("staffId", "payroll.staff.notFound", id));
            }
        }
        Preview p = preview(market, period, oneOffs);
        if (p.lines().isEmpty()) {
            throw new InvalidInputException(Violation.of("period", "payroll.run.empty"));
        }
        List<Violation> problems = p.lines().stream().filter(l -> l.problem() != null)
                .map(l -> Violation.of("staff", l.problem(), l.person().fullName())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID runId = Ids.newId(clock);
        long employerInsurance = p.lines().stream().mapToLong(l -> l.pay().employerInsuranceVnd()).sum();
        db.sql("""
                INSERT INTO payroll_run (id, market_id, period, kind, rules_version, region, people, gross_vnd, net_vnd,
                    employee_insurance_vnd, income_tax_vnd, employer_insurance_vnd, approved_by, approved_at)
                VALUES (?, ?, ?, 'REGULAR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, market.id(), period.atDay(1), p.rulesVersion(), p.region().name(), p.lines().size(),
                        p.grossVnd(), p.netVnd(), p.insuranceVnd(), p.incomeTaxVnd(), employerInsurance,
                        approvedBy, Timestamp.from(clock.instant()))
                .update();
        insertLines(runId, market.id(), p.lines());
        UUID tx = ledger.post(new Ledger.Posting(market.id(), null, "payroll_run:" + runId, null,
                "payroll " + period, approvalLines(p)));
        db.sql("UPDATE payroll_run SET ledger_transaction = ? WHERE id = ?").params(tx, runId).update();
        audit.record("PAYROLL_APPROVE", "payroll_run", runId, market.id(), market.provinceCode(),
                period + " " + p.lines().size() + " " + p.netVnd());
        return run(runId).orElseThrow();
    }

    /**
     * A correction of an approved month: an adjusting run with one line per person named, holding the difference a
     * one-off addition or deduction makes (income tax recomputed on the month's whole income). Refused when the
     * month has no approved run, when a person is not on it, or when the difference would take money back (recover
     * it with next month's deduction instead). Approved, posted and audited like a regular run.
     */
    @Transactional
    public PayrollRun adjust(String marketCode, YearMonth period, Map<UUID, OneOff> oneOffs) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_APPROVE);
        CurrentUser user = access.require();
        PayrollRun regular = regular(market.id(), period).orElseThrow(() -> new InvalidInputException(
                Violation.of("period", "payroll.adjust.noRun", period.getMonthValue() + "/" + period.getYear())));
        if (oneOffs.isEmpty()) {
            throw new InvalidInputException(Violation.of("oneOffs", "payroll.adjust.empty"));
        }
        PayrollRules rules = rulesFor(period);
        List<PreviewLine> lines = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (Map.Entry<UUID, OneOff> e : oneOffs.entrySet()) {
            List<PayCalculator.Result> paid = db.sql(LINE_SELECT + """
                     JOIN payroll_run r ON r.id = l.run_id
                    WHERE r.market_id = ? AND r.period = ? AND l.staff_id = ?""")
                    .params(market.id(), period.atDay(1), e.getKey()).query(PayrollRuns::mapLine).list()
                    .stream().map(PayrollLine::pay).toList();
            StaffMember person = staff.find(e.getKey()).filter(s -> s.marketId().equals(market.id())).orElse(null);
            if (paid.isEmpty() || person == null) {
                problems.add(Violation.of("staffId", "payroll.staff.notFound", e.getKey()));
                continue;
            }
            PayCalculator.Result diff = PayCalculator.adjustment(rules, PayCalculator.sum(paid),
                    e.getValue().additionVnd(), e.getValue().deductionVnd());
            if (diff.netVnd() < 0) {
                problems.add(Violation.of("oneOffs", "payroll.adjust.negative", person.fullName()));
            } else if (!person.hasAccount()) {
                problems.add(Violation.of("staff", "payroll.run.noAccount", person.fullName()));
            }
            lines.add(new PreviewLine(person, 0, WorkingDays.inMonth(period), false, 0, diff, null, null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Preview p = new Preview(market, period, rules.version(), regular.region(), lines, null);
        UUID runId = Ids.newId(clock);
        db.sql("""
                INSERT INTO payroll_run (id, market_id, period, kind, adjusts, rules_version, region, people, gross_vnd,
                    net_vnd, employee_insurance_vnd, income_tax_vnd, employer_insurance_vnd, approved_by, approved_at)
                VALUES (?, ?, ?, 'ADJUSTMENT', ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?)""")
                .params(runId, market.id(), period.atDay(1), regular.id(), p.rulesVersion(), p.region().name(),
                        lines.size(), p.grossVnd(), p.netVnd(), p.incomeTaxVnd(), user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        insertLines(runId, market.id(), lines);
        UUID tx = ledger.post(new Ledger.Posting(market.id(), null, "payroll_run:" + runId, null,
                "payroll adjustment " + period, approvalLines(p)));
        db.sql("UPDATE payroll_run SET ledger_transaction = ? WHERE id = ?").params(tx, runId).update();
        audit.record("PAYROLL_ADJUST", "payroll_run", runId, market.id(), market.provinceCode(),
                period + " " + lines.size() + " " + p.netVnd());
        return run(runId).orElseThrow();
    }

    private static List<Ledger.Line> approvalLines(Preview p) {
        long union = p.lines().stream().mapToLong(l -> l.pay().employerUnionFeeVnd()).sum();
        long employerInsurance = p.lines().stream().mapToLong(l -> l.pay().employerInsuranceVnd()).sum() - union;
        long deductions = p.lines().stream().mapToLong(l -> l.pay().deductionVnd()).sum();
        List<Ledger.Line> lines = new ArrayList<>();
        lines.add(new Ledger.Line(PayrollAccounts.SALARY_EXPENSE, p.grossVnd()));
        lines.add(new Ledger.Line(PayrollAccounts.EMPLOYER_INSURANCE_EXPENSE, employerInsurance + union));
        lines.add(new Ledger.Line(PayrollAccounts.NET_PAY_OWED, -p.netVnd()));
        lines.add(new Ledger.Line(PayrollAccounts.INSURANCE_OWED, -(p.insuranceVnd() + employerInsurance)));
        lines.add(new Ledger.Line(PayrollAccounts.UNION_FEE_OWED, -union));
        lines.add(new Ledger.Line(PayrollAccounts.TAX_WITHHELD, -p.incomeTaxVnd()));
        lines.add(new Ledger.Line(PayrollAccounts.DEDUCTIONS, -deductions));
        return lines.stream().filter(l -> l.amountVnd() != 0).toList();
    }

    private void insertLines(UUID runId, UUID marketId, List<PreviewLine> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (PreviewLine l : lines) {
            PayCalculator.Result r = l.pay();
            UUID id = Ids.newId(clock);
            rows.add(new Object[] {id, runId, marketId, l.person().id(), l.person().fullName(), l.person().position(),
                l.person().bankBin(), staff.accountCipherText(l.person().id()), l.person().accountLast4(),
                l.workedDays(), l.workingDays(), l.person().dependants(), r.salaryVnd(), r.taxableAllowanceVnd(),
                r.nonTaxableAllowanceVnd(), r.additionVnd(), r.grossVnd(), r.insuranceBaseVnd(), r.socialVnd(),
                r.healthVnd(), r.unemploymentVnd(), r.familyDeductionVnd(), r.taxableVnd(), r.incomeTaxVnd(),
                r.deductionVnd(), r.netVnd(), r.employerSocialVnd(), r.employerHealthVnd(),
                r.employerUnemploymentVnd(), r.employerUnionFeeVnd(), transferRef(id),
                l.contractSalaryVnd() == 0 ? null : l.contractSalaryVnd(), l.daysRecorded()});
        }
        jdbc.batchUpdate("""
                INSERT INTO payroll_line (id, run_id, market_id, staff_id, full_name, position, bank_bin, account_enc,
                    account_last4, worked_days, working_days, dependants, salary_vnd, taxable_allowance_vnd,
                    non_taxable_allowance_vnd, addition_vnd, gross_vnd, insurance_base_vnd, social_vnd, health_vnd,
                    unemployment_vnd, family_deduction_vnd, taxable_vnd, income_tax_vnd, deduction_vnd, net_vnd,
                    employer_social_vnd, employer_health_vnd, employer_unemployment_vnd, employer_union_fee_vnd,
                    transfer_ref, contract_salary_vnd, days_recorded)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows);
    }

    /** A transfer's reference: "C40L" and ten base-36 characters of the line's random bits, unique per line. */
    static String transferRef(UUID lineId) {
        String s = Long.toString(lineId.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL, 36).toUpperCase();
        return "C40L" + ("0000000000" + s).substring(s.length()).substring(0, 10);
    }

    /** The transfer of one line went through: the ledger moves the net pay owed to the bank. */
    @Transactional
    public PayrollLine markPaid(UUID lineId) {
        return recordPaid(lineForEdit(lineId));
    }

    /** Records a confirmed transfer, for a caller that has checked the line is in the user's scope. */
    @Transactional
    PayrollLine recordPaid(PayrollLine line) {
        UUID lineId = line.id();
        if (line.status() == PayrollLine.PaymentStatus.PAID) {
            throw new InvalidInputException(Violation.of("line", "payroll.line.alreadyPaid", line.fullName()));
        }
        UUID marketId = marketOf(line);
        db.sql("UPDATE payroll_line SET payment_status = 'PAID', failure_reason = NULL, paid_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), lineId).update();
        if (line.pay().netVnd() > 0) {
            ledger.post(new Ledger.Posting(marketId, null, "payroll_line:" + lineId, null, "salary transfer "
                    + line.transferRef(), List.of(new Ledger.Line(PayrollAccounts.NET_PAY_OWED, line.pay().netVnd()),
                    new Ledger.Line(PayrollAccounts.BANK, -line.pay().netVnd()))));
        }
        audit.record("PAYROLL_LINE_PAID", "payroll_line", lineId, marketId, null, line.transferRef());
        return line(lineId).orElseThrow();
    }

    /** The bank refused or returned one line's transfer: it goes into the next retry file. */
    @Transactional
    public PayrollLine markFailed(UUID lineId, String reason) {
        PayrollLine line = lineForEdit(lineId);
        if (line.status() == PayrollLine.PaymentStatus.PAID) {
            throw new InvalidInputException(Violation.of("line", "payroll.line.alreadyPaid", line.fullName()));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new InvalidInputException(Violation.of("reason", "payroll.line.reasonRequired"));
        }
        db.sql("UPDATE payroll_line SET payment_status = 'FAILED', failure_reason = ? WHERE id = ?")
                .params(why, lineId).update();
        audit.record("PAYROLL_LINE_FAILED", "payroll_line", lineId, marketOf(line), null, why);
        return line(lineId).orElseThrow();
    }

    /**
     * The bank file of a run's transfers still due (never paid, or failed: a retry file) at the template's bank, or
     * the ISO 20022 pain.001 file of them ({@link Pain001#CODE}): the lines become SENT, so a second file does not
     * pay them twice; count and total are checked against the lines before the file is offered; audited.
     */
    @Transactional
    public BankFile.Written bankFile(UUID runId, String templateCode) {
        PayrollRun run = run(runId, Permission.PAYROLL_EDIT);
        boolean pain001 = Pain001.CODE.equals(templateCode);
        BankFile.Template template = pain001 ? null : ("BOARD".equals(templateCode) ? layouts.of(run.marketId(), "BOARD")
                : BankFile.template(templateCode == null ? "" : templateCode)).orElseThrow(
                () -> new InvalidInputException(Violation.of("template", "payroll.bankFile.template")));
        List<PayrollLine> due = lines(runId).stream()
                .filter(l -> l.status() == PayrollLine.PaymentStatus.PENDING
                        || l.status() == PayrollLine.PaymentStatus.FAILED)
                .filter(l -> l.pay().netVnd() > 0 && (pain001 || template.takes(l.bankBin()))).toList();
        if (due.isEmpty()) {
            throw new InvalidInputException(Violation.of("template", "payroll.bankFile.nothingDue"));
        }
        Market market = markets.findById(run.marketId()).orElseThrow();
        Map<UUID, String> holders = new HashMap<>();
        db.sql("SELECT id, coalesce(holder_name, full_name) FROM payroll_staff WHERE market_id = ?")
                .param(run.marketId()).query((rs, n) -> holders.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        List<BankFile.Transfer> transfers = due.stream().map(l -> new BankFile.Transfer(l.transferRef(),
                accountNumber(l.id()), holders.getOrDefault(l.staffId(), l.fullName()), l.bankBin(),
                l.pay().netVnd())).toList();
        BankFile.Written written = pain001 ? pain001(market, run, transfers)
                : BankFile.write(template, market.collectionAccountNo(), run.period(), market.code(), transfers);
        long expected = due.stream().mapToLong(l -> l.pay().netVnd()).sum();
        if (written.count() != due.size() || written.totalVnd() != expected) {
            throw new IllegalStateException("bank file count or total differs from the run's lines");
        }
        markSent(due);
        audit.record("PAYROLL_BANK_FILE", "payroll_run", runId, market.id(), market.provinceCode(),
                (pain001 ? Pain001.CODE : template.code()) + " " + written.count() + " " + written.totalVnd());
        return written;
    }

    /** The pain.001 file: the board's paying account is the debtor; refused, naming the fix, when it has none. */
    private BankFile.Written pain001(Market market, PayrollRun run, List<BankFile.Transfer> transfers) {
        String account = market.collectionAccountNo();
        String bin = market.collectionBankBin();
        if (account == null || !account.matches("[0-9A-Za-z]{4,34}") || bin == null || !bin.matches("[0-9]{6}")) {
            throw new InvalidInputException(Violation.of("template", "payroll.pain001.noDebtorAccount", market.name()));
        }
        java.time.ZonedDateTime now = clock.instant().atZone(vn.cho40.shared.VnFormats.VIETNAM);
        String messageId = "C40P" + transferRef(Ids.newId(clock)).substring(4);
        return Pain001.write(new Pain001.Debtor(messageId, now.toOffsetDateTime(), market.name(), account, bin,
                now.toLocalDate()), run.period(), market.code(), transfers);
    }

    /** Lines put into a bank file are SENT (those already PAID never are: a run cannot be paid twice). */
    @Transactional
    public void markSent(List<PayrollLine> lines) {
        for (PayrollLine l : lines) {
            db.sql("UPDATE payroll_line SET payment_status = 'SENT' WHERE id = ? AND payment_status IN ('PENDING', 'FAILED')")
                    .param(l.id()).update();
        }
    }

    private PayrollLine lineForEdit(UUID lineId) {
        return lineInScope(lineId, Permission.PAYROLL_EDIT);
    }

    /** A line whose run is in the caller's scope with the permission, or not found. */
    public PayrollLine lineInScope(UUID lineId, Permission permission) {
        PayrollLine line = line(lineId).orElseThrow(() -> new NotFoundException("payroll.run.notFound", lineId));
        run(line.runId(), permission);
        return line;
    }

    private UUID marketOf(PayrollLine line) {
        return db.sql("SELECT market_id FROM payroll_line WHERE id = ?").param(line.id()).query(UUID.class).single();
    }

    /** A run in the caller's scope with the permission, or not found. */
    public PayrollRun run(UUID runId, Permission permission) {
        PayrollRun r = run(runId).orElseThrow(() -> new NotFoundException("payroll.run.notFound", runId));
        Market m = markets.findById(r.marketId()).orElseThrow();
        access.check(Markets.place(m), permission, "payroll.run.notFound", runId);
        return r;
    }

    public List<PayrollRun> runs(Market market) {
        return db.sql(RUN_SELECT + " WHERE r.market_id = ? ORDER BY r.period DESC, r.approved_at DESC LIMIT 36")
                .param(market.id()).query(PayrollRuns::mapRun).list();
    }

    Optional<PayrollRun> regular(UUID marketId, YearMonth period) {
        return db.sql(RUN_SELECT + " WHERE r.market_id = ? AND r.period = ? AND r.kind = 'REGULAR'")
                .params(marketId, period.atDay(1)).query(PayrollRuns::mapRun).optional();
    }

    Optional<PayrollRun> run(UUID runId) {
        return db.sql(RUN_SELECT + " WHERE r.id = ?").param(runId).query(PayrollRuns::mapRun).optional();
    }

    public List<PayrollLine> lines(UUID runId) {
        return db.sql(LINE_SELECT + " WHERE l.run_id = ? ORDER BY l.full_name, l.id").param(runId)
                .query(PayrollRuns::mapLine).list();
    }

    Optional<PayrollLine> line(UUID lineId) {
        return db.sql(LINE_SELECT + " WHERE l.id = ?").param(lineId).query(PayrollRuns::mapLine).optional();
    }

    /** The account number of a line in full, for the bank file only (audited by the caller). */
    String accountNumber(UUID lineId) {
        return staff.decryptAccount(db.sql("SELECT account_enc FROM payroll_line WHERE id = ?").param(lineId)
                .query(byte[].class).single());
    }

    private Map<UUID, Long> netByStaff(UUID marketId, YearMonth period) {
        Map<UUID, Long> net = new HashMap<>();
        db.sql("""
                SELECT l.staff_id, sum(l.net_vnd) FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id
                WHERE r.market_id = ? AND r.period = ? GROUP BY l.staff_id""")
                .params(marketId, period.atDay(1))
                .query((rs, n) -> net.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return net;
    }

    private static final String RUN_SELECT = """
            SELECT r.*, (SELECT count(*) FROM payroll_line l WHERE l.run_id = r.id AND l.payment_status = 'PAID') AS paid,
                   (SELECT count(*) FROM payroll_line l WHERE l.run_id = r.id AND l.payment_status = 'FAILED') AS failed
            FROM payroll_run r""";

    private static final String LINE_SELECT = "SELECT l.* FROM payroll_line l";

    private static PayrollRun mapRun(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PayrollRun(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                YearMonth.from(rs.getObject("period", java.time.LocalDate.class)), rs.getString("kind"),
                rs.getString("rules_version"), Region.valueOf(rs.getString("region")), rs.getInt("people"),
                rs.getLong("gross_vnd"), rs.getLong("net_vnd"), rs.getLong("employee_insurance_vnd"),
                rs.getLong("income_tax_vnd"), rs.getLong("employer_insurance_vnd"), rs.getString("approved_by"),
                rs.getTimestamp("approved_at").toInstant(), rs.getInt("paid"), rs.getInt("failed"));
    }

    private static PayrollLine mapLine(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        PayCalculator.Result pay = new PayCalculator.Result(null, rs.getLong("salary_vnd"),
                rs.getLong("taxable_allowance_vnd"), rs.getLong("non_taxable_allowance_vnd"), rs.getLong("addition_vnd"),
                rs.getLong("gross_vnd"), rs.getLong("insurance_base_vnd"), rs.getLong("social_vnd"),
                rs.getLong("health_vnd"), rs.getLong("unemployment_vnd"), rs.getLong("family_deduction_vnd"),
                rs.getLong("taxable_vnd"), rs.getLong("income_tax_vnd"), rs.getLong("deduction_vnd"),
                rs.getLong("net_vnd"), rs.getLong("employer_social_vnd"), rs.getLong("employer_health_vnd"),
                rs.getLong("employer_unemployment_vnd"), rs.getLong("employer_union_fee_vnd"));
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new PayrollLine(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getString("full_name"), rs.getString("position"),
                rs.getString("bank_bin"), rs.getString("account_last4"), rs.getInt("worked_days"),
                rs.getInt("working_days"), rs.getInt("dependants"), pay, rs.getString("transfer_ref"),
                PayrollLine.PaymentStatus.valueOf(rs.getString("payment_status")), rs.getString("failure_reason"),
                paidAt == null ? null : paidAt.toInstant(), (Long) rs.getObject("contract_salary_vnd"),
                rs.getBoolean("days_recorded"));
    }
}
