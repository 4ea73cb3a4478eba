package vn.cho40.market;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cho40.identity.Permission;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** JSON API for markets and stalls. The directory (GET markets) is open data; the rest needs a login. */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "Chợ (markets)")
class MarketApi {

    private final Markets markets;
    private final Stalls stalls;

    MarketApi(Markets markets, Stalls stalls) {
        this.markets = markets;
        this.stalls = stalls;
    }

    record CommuneRef(String code, String name) {
    }

    record MarketJson(String code, String name, CommuneRef commune, CommuneRef province, String pre2025District,
                      MarketStatus status, int marketClass, boolean freeWifi, String address, int stallCount) {
        static MarketJson of(MarketListing m) {
            return new MarketJson(m.code(), m.name(), new CommuneRef(m.communeCode(), m.communeName()),
                    new CommuneRef(m.provinceCode(), m.provinceName()), m.pre2025DistrictName(), m.status(),
                    m.marketClass(), m.freeWifi(), m.address(), m.stallCount());
        }
    }

    record StatusRequest(MarketStatus status, LocalDate effectiveOn) {
    }

    record StallRequest(String code, String zoneName, String category, String areaM2) {
    }

    record StallJson(String code, String zone, GoodsCategory category, String categoryName,
                     java.math.BigDecimal areaM2) {
        static StallJson of(Stall s) {
            return new StallJson(s.code(), s.zoneCode(), s.category(), s.category().nameVi(), s.areaM2());
        }
    }

    record ImportResult(boolean saved, int stalls) {
    }

    @GetMapping
    @Operation(operationId = "searchMarkets",
            summary = "Tìm chợ (không dấu cũng được): open market directory, no login")
    List<MarketJson> search(@RequestParam(defaultValue = "") String q,
                            @RequestParam(defaultValue = "") String province) {
        return markets.search(q, province).stream().map(MarketJson::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getMarket",
            summary = "Một chợ trong danh bạ công khai: one market of the open directory, no login")
    MarketJson get(@PathVariable String code) {
        return MarketJson.of(markets.listing(code));
    }

    @PostMapping
    @Operation(operationId = "createMarket",
            summary = "Thêm chợ trong địa bàn của mình: add a market in one's area")
    ResponseEntity<MarketJson> create(@RequestBody MarketForm form, Principal who) {
        markets.requireCreatable(form);
        Market m = markets.create(form, who.getName());
        return ResponseEntity.created(URI.create("/api/v1/markets/" + m.code())).body(MarketJson.of(
                markets.listing(m.code())));
    }

    @PutMapping("/{code}")
    @Operation(operationId = "updateMarket",
            summary = "Sửa thông tin chợ: edit a market")
    MarketJson update(@PathVariable String code, @RequestBody MarketForm form) {
        Market m = markets.update(markets.forStaff(code, Permission.MARKET_EDIT).code(), form);
        return MarketJson.of(markets.listing(m.code()));
    }

    @PostMapping("/{code}/status")
    @Operation(operationId = "changeMarketStatus",
            summary = "Chuyển bước Chợ 4.0 (Kế hoạch → Đang triển khai → Đã vận hành), có ngày: the market's next status")
    MarketJson changeStatus(@PathVariable String code, @RequestBody StatusRequest request, Principal who) {
        Market m = markets.changeStatus(markets.forStaff(code, Permission.MARKET_EDIT).code(), request.status(), request.effectiveOn(),
                who.getName());
        return MarketJson.of(markets.listing(m.code()));
    }

    @GetMapping("/{code}/stalls")
    @Operation(operationId = "listStalls",
            summary = "Các quầy của chợ (lọc theo khu, ngành hàng): a market's stalls")
    List<StallJson> stalls(@PathVariable String code, @RequestParam(defaultValue = "") String zone,
                           @RequestParam(required = false) GoodsCategory category) {
        return stalls.list(markets.forStaff(code, null), zone, category).stream().map(StallJson::of).toList();
    }

    @PostMapping("/{code}/stalls")
    @Operation(operationId = "addStall",
            summary = "Thêm một quầy: add one stall")
    ResponseEntity<StallJson> addStall(@PathVariable String code, @RequestBody StallRequest r) {
        Stall s = stalls.add(markets.forStaff(code, Permission.STALL_EDIT).code(), r.code(), r.zoneName(), r.category(), r.areaM2());
        return ResponseEntity.status(201).body(StallJson.of(s));
    }

    @PostMapping(path = "/{code}/stalls/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "importStalls",
            summary = "Nhập quầy từ CSV/XLSX; dryRun=true chỉ kiểm tra. All rows or none.")
    ResponseEntity<ImportResult> importStalls(@PathVariable String code, @RequestPart("file") MultipartFile file,
                                              @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        String market = markets.forStaff(code, Permission.STALL_EDIT).code();
        try {
            if (dryRun) {
                StallImportPreview preview = stalls.preview(market, file.getOriginalFilename(), file.getBytes());
                if (!preview.valid()) {
                    throw new StallImportRejected(preview);
                }
                return ResponseEntity.ok(new ImportResult(false, preview.rows().size()));
            }
            int saved = stalls.importAll(market, file.getOriginalFilename(), file.getBytes());
            return ResponseEntity.status(201).body(new ImportResult(true, saved));
        } catch (StallImportRejected e) {
            // Every bad row, named by its line, as a ProblemDetail like any other refused input.
            throw new InvalidInputException(e.preview().problems().stream()
                    .map(p -> new Violation("line " + p.line() + ": " + p.column(), p.messageKey(), p.args()))
                    .toList());
        }
    }
}
