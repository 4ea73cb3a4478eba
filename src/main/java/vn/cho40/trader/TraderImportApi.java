package vn.cho40.trader;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

@RestController
class TraderImportApi {

    private final TraderImport imports;
    private final Markets markets;

    TraderImportApi(TraderImport imports, Markets markets) {
        this.imports = imports;
        this.markets = markets;
    }

    record Result(boolean saved, int traders) {
    }

    @PostMapping(path = "/api/v1/markets/{code}/traders/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "importTraders",
            summary = "Nhập tiểu thương kèm quầy và tài khoản từ CSV/XLSX; all rows or none; dryRun checks only")
    ResponseEntity<Result> importTraders(@PathVariable String code, @RequestPart("file") MultipartFile file,
                                         @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        Market market = markets.forStaff(code, Permission.TRADER_EDIT);
        var rows = TraderImport.read(file.getOriginalFilename(), file.getBytes());
        try {
            if (dryRun) {
                TraderImport.Preview preview = imports.preview(market, rows);
                if (!preview.valid()) {
                    throw new TraderImportRejected(preview);
                }
                return ResponseEntity.ok(new Result(false, rows.size()));
            }
            return ResponseEntity.status(201).body(new Result(true, imports.importAll(market, rows)));
        } catch (TraderImportRejected e) {
            throw new InvalidInputException(e.preview().problems().stream()
                    .map(p -> new Violation("line " + p.line() + ": " + p.column(), p.messageKey(), p.args()))
                    .toList());
        }
    }
}
