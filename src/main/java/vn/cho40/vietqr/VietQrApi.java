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
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/** Stall codes over JSON: the current static code and dynamic codes for an amount. */
@RestController
@Tag(name = "VietQR")
class VietQrApi {

    private final StallCodes codes;
    private final Markets markets;

    VietQrApi(StallCodes codes, Markets markets) {
        this.codes = codes;
        this.markets = markets;
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

    @GetMapping("/api/v1/markets/{code}/stalls/{stall}/qr")
    CodeJson current(@PathVariable String code, @PathVariable String stall) {
        Market market = markets.forStaff(code, null);
        return CodeJson.of(codes.current(market, codes.stall(market, stall))
                .orElseThrow(() -> new NotFoundException("stall.noAccount", stall)));
    }

    @PostMapping("/api/v1/markets/{code}/stalls/{stall}/qr")
    @Operation(summary = "Mã QR động cho một số tiền (hóa đơn, bán hàng): a dynamic code for one amount")
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
