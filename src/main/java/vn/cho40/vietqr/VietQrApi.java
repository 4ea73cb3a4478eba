package vn.cho40.vietqr;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** Stall codes over JSON: the current static code and dynamic codes for an amount. */
@RestController
@Tag(name = "VietQR")
class VietQrApi {

    private final StallCodes codes;
    private final Markets markets;
    private final StallReaders readers;

    VietQrApi(StallCodes codes, Markets markets, StallReaders readers) {
        this.codes = codes;
        this.markets = markets;
        this.readers = readers;
    }

    record CodeJson(String stall, String payload, String holderName, String bank, String verificationCode,
                    Long amount) {
        static CodeJson of(StallCodes.StallCode c) {
            return new CodeJson(c.stallCode(), c.payload(), c.holderName(), c.bankName(),
                    StallCodes.display(c.verificationCode()), c.amountVnd());
        }
    }

    record DynamicRequest(Long amount, String purpose) {
    }

    /** Read only: a stall without a current code gets a 404 saying so, never a new code. */
    @GetMapping("/api/v1/markets/{code}/stalls/{stall}/qr")
    @Operation(operationId = "getStallQr",
            summary = "Mã QR tĩnh hiện hành của quầy (tiểu thương: chỉ quầy mình thuê): a stall's current static code")
    CodeJson current(@PathVariable String code, @PathVariable String stall) {
        StallReaders.Target t = readers.readable(code, stall);
        return CodeJson.of(codes.find(t.market(), t.stall()).orElseThrow(() -> readers.noCode(t)));
    }

    @PostMapping("/api/v1/markets/{code}/stalls/{stall}/qr/static")
    @Operation(operationId = "issueStallQr",
            summary = "Tạo (hoặc làm mới) mã QR tĩnh của quầy: make the stall's static code for its account")
    ResponseEntity<CodeJson> issue(@PathVariable String code, @PathVariable String stall) {
        Market market = markets.forStaff(code, Permission.STALL_EDIT);
        StallCodes.StallCode c = codes.issue(market, codes.stall(market, stall)).orElseThrow(() ->
                new InvalidInputException(Violation.of("stall", "stall.noAccount", stall)));
        return ResponseEntity.status(201).body(CodeJson.of(c));
    }

    @PostMapping("/api/v1/markets/{code}/stalls/{stall}/qr")
    @Operation(operationId = "createDynamicQr",
            summary = "Mã QR động cho một số tiền (hóa đơn, bán hàng): a dynamic code for one amount")
    ResponseEntity<CodeJson> dynamic(@PathVariable String code, @PathVariable String stall,
                                     @RequestBody DynamicRequest r) {
        Market market = markets.forStaff(code, Permission.STALL_EDIT);
        if (r.amount() == null) {
            throw new InvalidInputException(Violation.of("amount", "qr.amount.required"));
        }
        try {
            return ResponseEntity.status(201).body(CodeJson.of(codes.dynamic(market, codes.stall(market, stall),
                    r.amount(), r.purpose())));
        } catch (VietQrException e) {
            throw new InvalidInputException(Violation.of(e.field(), "qr.invalid", e.getMessage()));
        }
    }
}
