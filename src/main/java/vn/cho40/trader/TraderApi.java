package vn.cho40.trader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.privacy.Mask;

/** Traders over JSON. Numbers are masked; {@code POST /{id}/reveal} returns them in full and is audited. */
@RestController
@RequestMapping("/api/v1/traders")
@Tag(name = "Tiểu thương (traders)")
class TraderApi {

    private final Traders traders;
    private final Markets markets;

    TraderApi(Traders traders, Markets markets) {
        this.traders = traders;
        this.markets = markets;
    }

    record TraderJson(UUID id, String fullName, String idKind, String idNumber, boolean legacyId, LocalDate birthDate,
                      String phone, boolean phoneVerified, String taxCode, String consentVersion) {
        static TraderJson of(Trader t) {
            return new TraderJson(t.id(), t.fullName(), t.idKind().name(), Mask.lastFour(t.idLast4()), t.legacyId(),
                    t.birthDate(), Mask.lastFour(t.phoneLast4()), t.phoneVerifiedAt() != null, t.taxCode(),
                    t.consentVersion());
        }
    }

    record CreateRequest(String marketCode, String fullName, String idNumber, LocalDate birthDate, String phone,
                         String taxCode, Boolean consent) {
    }

    record AccountJson(UUID id, String kind, String bin, String accountNumber, String holderName,
                       boolean nameMatches, String confirmedBy, String reviewStatus) {
        static AccountJson of(ReceivingAccount a) {
            return new AccountJson(a.id(), a.kind().name(), a.bin(), Mask.lastFour(a.accountLast4()), a.holderName(),
                    a.nameMatches(), a.confirmedBy(), a.reviewStatus());
        }
    }

    record LeaseRequest(String marketCode, String stallCode, LocalDate startsOn, UUID accountId) {
    }

    @GetMapping
    @Operation(operationId = "searchTraders",
            summary = "Tìm tiểu thương trong địa bàn, số giấy tờ và điện thoại che bớt: traders in one's area, numbers masked")
    List<TraderJson> search(@RequestParam(defaultValue = "") String q) {
        return traders.search(q).stream().map(TraderJson::of).toList();
    }

    @PostMapping
    @Operation(operationId = "createTrader",
            summary = "Thêm tiểu thương: add a trader")
    ResponseEntity<TraderJson> create(@RequestBody CreateRequest r) {
        Market m = markets.forStaff(r.marketCode() == null ? "" : r.marketCode(), Permission.TRADER_EDIT);
        Trader t = traders.create(m, new Traders.NewTrader(r.fullName(), r.idNumber(), r.birthDate(), r.phone(),
                r.taxCode(), Boolean.TRUE.equals(r.consent())));
        return ResponseEntity.status(201).body(TraderJson.of(t));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTrader",
            summary = "Một tiểu thương, số che bớt: one trader, numbers masked")
    TraderJson get(@PathVariable UUID id) {
        return TraderJson.of(traders.get(id, Permission.TRADER_READ));
    }

    @PostMapping("/{id}/reveal")
    @Operation(operationId = "revealTrader",
            summary = "Số CCCD, điện thoại, tài khoản đầy đủ (ghi nhật ký): unmasked numbers, audited")
    Traders.Revealed reveal(@PathVariable UUID id) {
        return traders.reveal(id);
    }

    @GetMapping("/{id}/accounts")
    @Operation(operationId = "listTraderAccounts",
            summary = "Tài khoản nhận tiền của tiểu thương: a trader's receiving accounts")
    List<AccountJson> accounts(@PathVariable UUID id) {
        traders.get(id, Permission.TRADER_READ);
        return traders.accounts(id).stream().map(AccountJson::of).toList();
    }

    @PostMapping("/{id}/accounts")
    @Operation(operationId = "addTraderAccount",
            summary = "Thêm tài khoản nhận tiền: add a receiving account")
    ResponseEntity<AccountJson> addAccount(@PathVariable UUID id, @RequestBody Traders.NewAccount r) {
        return ResponseEntity.status(201).body(AccountJson.of(traders.addAccount(id, r)));
    }

    record EndLeaseRequest(LocalDate endsOn) {
    }

    @PostMapping("/{id}/leases/{leaseId}/end")
    @Operation(operationId = "endLease",
            summary = "Kết thúc thuê quầy: end a stall lease")
    Lease endLease(@PathVariable UUID id, @PathVariable UUID leaseId, @RequestBody EndLeaseRequest r) {
        return traders.endLease(id, leaseId, r.endsOn());
    }

    record DefaultAccountRequest(String marketCode, String stallCode, UUID accountId) {
    }

    @PostMapping("/{id}/default-account")
    @Operation(operationId = "setDefaultAccount",
            summary = "Đổi tài khoản nhận tiền của quầy (mã QR cũ bị thu hồi): the stall's QR pays another account")
    ResponseEntity<Void> setDefault(@PathVariable UUID id, @RequestBody DefaultAccountRequest r) {
        traders.get(id, Permission.TRADER_EDIT);
        Market m = markets.forStaff(r.marketCode() == null ? "" : r.marketCode(), Permission.TRADER_EDIT);
        traders.setDefaultAccount(id, m, r.stallCode() == null ? "" : r.stallCode(), r.accountId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/leases")
    @Operation(operationId = "listLeases",
            summary = "Các quầy tiểu thương thuê: a trader's leases")
    List<Lease> leases(@PathVariable UUID id) {
        traders.get(id, Permission.TRADER_READ);
        return traders.leases(id);
    }

    @PostMapping("/{id}/leases")
    @Operation(operationId = "leaseStall",
            summary = "Cho tiểu thương thuê quầy: lease a stall to a trader")
    ResponseEntity<Lease> lease(@PathVariable UUID id, @RequestBody LeaseRequest r) {
        traders.get(id, Permission.TRADER_EDIT);
        Market m = markets.forStaff(r.marketCode() == null ? "" : r.marketCode(), Permission.TRADER_EDIT);
        return ResponseEntity.status(201).body(traders.lease(id, m, r.stallCode(), r.startsOn(), r.accountId()));
    }
}
