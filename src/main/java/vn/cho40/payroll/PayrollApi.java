package vn.cho40.payroll;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** A board's staff and payroll runs over JSON (staff HTTP Basic); numbers masked, every change audited. */
@RestController
@RequestMapping("/api/v1/payroll")
@Tag(name = "Lương (payroll)")
class PayrollApi {

    private final StaffRegister staff;
    private final PayrollRuns runs;
    private final TransferResults results;
    private final Markets markets;

    PayrollApi(StaffRegister staff, PayrollRuns runs, TransferResults results, Markets markets) {
        this.staff = staff;
        this.runs = runs;
        this.results = results;
        this.markets = markets;
    }

    record AllowanceJson(String kind, long amountVnd, boolean taxable, boolean insurable) {
    }

    record StaffJson(UUID id, String fullName, String idNumber, String phone, String bankBin, String accountNumber,
                     String holderName, String position, String contractKind, Integer coefficientHundredths,
                     Long salaryVnd, int dependants, LocalDate startOn, LocalDate endOn, List<AllowanceJson> allowances) {
        static StaffJson of(StaffMember s) {
            return new StaffJson(s.id(), s.fullName(), Mask.lastFour(s.idLast4()),
                    s.phoneLast4() == null ? null : Mask.lastFour(s.phoneLast4()), s.bankBin(),
                    s.accountLast4() == null ? null : Mask.lastFour(s.accountLast4()), s.holderName(), s.position(),
                    s.contractKind().name(), s.coefficientHundredths(), s.salaryVnd(), s.dependants(), s.startOn(),
                    s.endOn(), s.allowances().stream().map(a -> new AllowanceJson(a.kind(), a.amountVnd(), a.taxable(),
                            a.insurable())).toList());
        }
    }

    /** A person as sent: dates dd/MM/yyyy or yyyy-MM-dd; allowances by kind (POSITION, RESPONSIBILITY, HAZARD, LUNCH, OTHER_TAXABLE). */
    record StaffRequest(String fullName, String idNumber, String phone, String bank, String accountNumber,
                        String holderName, String holderReason, String position, String contractKind,
                        String coefficient, String salary, String dependants, String startOn, String endOn,
                        Map<String, String> allowances) {
        StaffForm form() {
            return new StaffForm(fullName, idNumber, phone, bank, accountNumber, holderName, holderReason, position,
                    contractKind, coefficient, salary, dependants, startOn, endOn, allowances);
        }
    }

    record RunJson(UUID id, String marketId, String period, String rulesVersion, String region, int people,
                   long grossVnd, long netVnd, long employeeInsuranceVnd, long incomeTaxVnd, long employerInsuranceVnd,
                   long employerCostVnd, String approvedBy, Instant approvedAt, int paid, int failed) {
        static RunJson of(PayrollRun r) {
            return new RunJson(r.id(), r.marketId().toString(), r.period().toString(), r.rulesVersion(),
                    r.region().name(), r.people(), r.grossVnd(), r.netVnd(), r.employeeInsuranceVnd(), r.incomeTaxVnd(),
                    r.employerInsuranceVnd(), r.employerCostVnd(), r.approvedBy(), r.approvedAt(), r.paid(), r.failed());
        }
    }

    record PayJson(long salaryVnd, long taxableAllowanceVnd, long nonTaxableAllowanceVnd, long additionVnd,
                   long grossVnd, long insuranceBaseVnd, long socialVnd, long healthVnd, long unemploymentVnd,
                   long familyDeductionVnd, long taxableVnd, long incomeTaxVnd, long deductionVnd, long netVnd,
                   long employerContributionsVnd, long employerCostVnd) {
        static PayJson of(PayCalculator.Result p) {
            return new PayJson(p.salaryVnd(), p.taxableAllowanceVnd(), p.nonTaxableAllowanceVnd(), p.additionVnd(),
                    p.grossVnd(), p.insuranceBaseVnd(), p.socialVnd(), p.healthVnd(), p.unemploymentVnd(),
                    p.familyDeductionVnd(), p.taxableVnd(), p.incomeTaxVnd(), p.deductionVnd(), p.netVnd(),
                    p.employerInsuranceVnd(), p.employerCostVnd());
        }
    }

    record LineJson(UUID id, UUID staffId, String fullName, String bankBin, String accountNumber, int workedDays,
                    int workingDays, int dependants, PayJson pay, String transferRef, String status,
                    String failureReason, Instant paidAt) {
        static LineJson of(PayrollLine l) {
            return new LineJson(l.id(), l.staffId(), l.fullName(), l.bankBin(), Mask.lastFour(l.accountLast4()),
                    l.workedDays(), l.workingDays(), l.dependants(), PayJson.of(l.pay()), l.transferRef(),
                    l.status().name(), l.failureReason(), l.paidAt());
        }
    }

    record PreviewLineJson(UUID staffId, String fullName, int workedDays, int workingDays, PayJson pay,
                           Long lastMonthNetVnd, String problem, boolean daysRecorded) {
    }

    record PreviewJson(String period, String rulesVersion, String region, long grossVnd, long netVnd,
                       long employerCostVnd, boolean approvable, UUID approvedRunId, List<PreviewLineJson> lines) {
    }

    /** One-off amounts for this month by staff id: a taxable addition and a deduction after tax, in đồng. */
    record OneOffJson(UUID staffId, long additionVnd, long deductionVnd) {
    }

    record ApproveRequest(List<OneOffJson> oneOffs) {
    }

    record FailedRequest(String reason) {
    }

    @GetMapping("/markets/{code}/staff")
    @Operation(operationId = "listPayrollStaff", summary = "Nhân sự của ban quản lý chợ, số che bớt: a board's staff, numbers masked")
    List<StaffJson> listStaff(@PathVariable("code") String market) {
        return staff.list(markets.forStaff(market, Permission.PAYROLL_READ)).stream().map(StaffJson::of).toList();
    }

    @PostMapping("/markets/{code}/staff")
    @Operation(operationId = "createPayrollStaff", summary = "Thêm người vào danh sách lương: add a person to the payroll")
    ResponseEntity<StaffJson> createStaff(@PathVariable("code") String market, @RequestBody StaffRequest r) {
        return ResponseEntity.status(201).body(StaffJson.of(staff.create(market, r.form())));
    }

    @GetMapping("/staff/{id}")
    @Operation(operationId = "getPayrollStaff", summary = "Một người trong danh sách lương: one staff member")
    StaffJson getStaff(@PathVariable UUID id) {
        return StaffJson.of(staff.get(id, Permission.PAYROLL_READ));
    }

    @PutMapping("/staff/{id}")
    @Operation(operationId = "updatePayrollStaff", summary = "Sửa thông tin nhân sự (số để trống giữ nguyên): update a staff member")
    StaffJson updateStaff(@PathVariable UUID id, @RequestBody StaffRequest r) {
        return StaffJson.of(staff.update(id, r.form()));
    }

    @PostMapping("/staff/{id}/reveal")
    @Operation(operationId = "revealPayrollStaff", summary = "Số CCCD, điện thoại, tài khoản đầy đủ (ghi nhật ký): unmasked numbers, audited")
    StaffRegister.Revealed reveal(@PathVariable UUID id) {
        return staff.reveal(id);
    }

    @GetMapping("/markets/{code}/preview")
    @Operation(operationId = "previewPayroll", summary = "Xem trước bảng lương tháng (yyyy-MM): a month's payroll before approval")
    PreviewJson preview(@PathVariable("code") String market, @RequestParam(defaultValue = "") String period) {
        PayrollRuns.Preview p = runs.preview(market, PayrollPages.month(period));
        return new PreviewJson(p.period().toString(), p.rulesVersion(), p.region().name(), p.grossVnd(), p.netVnd(),
                p.employerCostVnd(), p.approvable(), p.approved() == null ? null : p.approved().id(),
                p.lines().stream().map(l -> new PreviewLineJson(l.person().id(), l.person().fullName(), l.workedDays(),
                        l.workingDays(), PayJson.of(l.pay()), l.lastMonthNetVnd(), l.problem(), l.daysRecorded()))
                        .toList());
    }

    @PostMapping("/markets/{code}/approve")
    @Operation(operationId = "approvePayroll", summary = "Duyệt bảng lương tháng (một lần mỗi tháng): approve a month's payroll, once")
    ResponseEntity<RunJson> approve(@PathVariable("code") String market, @RequestParam(defaultValue = "") String period,
                                    @RequestBody(required = false) ApproveRequest r) {
        return ResponseEntity.status(201).body(RunJson.of(runs.approve(market, YearMonth.from(PayrollPages.month(period)),
                oneOffs(r))));
    }

    private static Map<UUID, PayrollRuns.OneOff> oneOffs(ApproveRequest r) {
        Map<UUID, PayrollRuns.OneOff> oneOffs = new HashMap<>();
        if (r != null && r.oneOffs() != null) {
            for (OneOffJson o : r.oneOffs()) {
                if (o.staffId() == null || o.additionVnd() < 0 || o.deductionVnd() < 0
                        || o.additionVnd() > 1_000_000_000L || o.deductionVnd() > 1_000_000_000L) {
                    throw new InvalidInputException(Violation.of("oneOffs", "payroll.api.oneOff.invalid"));
                }
                oneOffs.put(o.staffId(), new PayrollRuns.OneOff(o.additionVnd(), o.deductionVnd()));
            }
        }
        return oneOffs;
    }

    @PostMapping("/markets/{code}/adjust")
    @Operation(operationId = "adjustPayroll", summary = "Bảng lương điều chỉnh cho tháng đã duyệt (khoản thêm, khoản trừ): an adjusting run for an approved month")
    ResponseEntity<RunJson> adjust(@PathVariable("code") String market, @RequestParam(defaultValue = "") String period,
                                   @RequestBody(required = false) ApproveRequest r) {
        return ResponseEntity.status(201).body(RunJson.of(runs.adjust(market, YearMonth.from(PayrollPages.month(period)),
                oneOffs(r))));
    }

    @GetMapping("/markets/{code}/runs")
    @Operation(operationId = "listPayrollRuns", summary = "Các bảng lương đã duyệt: approved payroll runs")
    List<RunJson> listRuns(@PathVariable("code") String market) {
        Market m = markets.forStaff(market, Permission.PAYROLL_READ);
        return runs.runs(m).stream().map(RunJson::of).toList();
    }

    @GetMapping("/runs/{id}")
    @Operation(operationId = "getPayrollRun", summary = "Một bảng lương: one run")
    RunJson getRun(@PathVariable UUID id) {
        return RunJson.of(runs.run(id, Permission.PAYROLL_READ));
    }

    @GetMapping("/runs/{id}/lines")
    @Operation(operationId = "listPayrollLines", summary = "Từng người trong bảng lương, mọi bước tính: each person's pay, every step")
    List<LineJson> lines(@PathVariable UUID id) {
        runs.run(id, Permission.PAYROLL_READ);
        return runs.lines(id).stream().map(LineJson::of).toList();
    }

    @PostMapping("/runs/{id}/bank-file")
    @Operation(operationId = "payrollBankFile", summary = "Tệp chuyển khoản các khoản còn phải trả theo mẫu ngân hàng: bank file of transfers due",
            description = "template: a code of data/payroll/bank-templates.csv, BOARD (the board's uploaded layout) or "
                    + "ISO20022_PAIN001 (ISO 20022 pain.001.001.09 XML)")
    ResponseEntity<byte[]> bankFile(@PathVariable UUID id, @RequestParam(defaultValue = "") String template) {
        BankFile.Written w = runs.bankFile(id, template);
        return PayrollPages.download(w.filename(), w.contentType(), w.content());
    }

    @PostMapping("/lines/{id}/paid")
    @Operation(operationId = "markPayrollLinePaid", summary = "Ghi nhận đã trả một người: mark one transfer paid")
    LineJson paid(@PathVariable UUID id) {
        return LineJson.of(runs.markPaid(id));
    }

    @PostMapping("/lines/{id}/failed")
    @Operation(operationId = "markPayrollLineFailed", summary = "Ghi nhận chuyển khoản lỗi (có lý do): mark one transfer failed")
    LineJson failed(@PathVariable UUID id, @RequestBody(required = false) FailedRequest r) {
        return LineJson.of(runs.markFailed(id, r == null ? null : r.reason()));
    }

    @PostMapping("/runs/{id}/results")
    @Operation(operationId = "importPayrollResults", summary = "Nhập tệp kết quả chuyển khoản của ngân hàng: import the bank's per-line result")
    TransferResults.Outcome importResults(@PathVariable UUID id,
                                          @RequestParam(name = "file", required = false)
                                          org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        runs.run(id, Permission.PAYROLL_EDIT);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "payroll.results.none"));
        }
        return results.importFile(id, file.getOriginalFilename(), file.getBytes());
    }

}
