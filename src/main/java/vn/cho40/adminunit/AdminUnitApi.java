package vn.cho40.adminunit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.adminunit.AdminUnit.Level;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.shared.NotFoundException;

/** Administrative units as open data: provinces, children, search, and the old → new mapping. */
@RestController
@RequestMapping("/api/v1/admin-units")
@Tag(name = "Đơn vị hành chính (administrative units)")
class AdminUnitApi {

    private final AdminUnits units;

    AdminUnitApi(AdminUnits units) {
        this.units = units;
    }

    @GetMapping
    @Operation(operationId = "searchAdminUnits",
            summary = "Tìm đơn vị (regime=2025|pre2025, level=province|district|commune, q không dấu cũng được)")
    List<AdminUnit> search(@RequestParam(defaultValue = "2025") String regime,
                           @RequestParam(defaultValue = "commune") String level,
                           @RequestParam(defaultValue = "") String q) {
        Regime r = regime(regime);
        Level l = switch (level) {
            case "province" -> Level.PROVINCE;
            case "district" -> Level.DISTRICT;
            default -> Level.COMMUNE;
        };
        return q.isBlank() && l == Level.PROVINCE ? units.provinces(r) : units.search(r, l, q);
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getAdminUnit",
            summary = "Một đơn vị hành chính theo mã: one administrative unit")
    AdminUnit get(@PathVariable String code, @RequestParam(defaultValue = "2025") String regime) {
        return units.find(regime(regime), code).orElseThrow(() -> new NotFoundException("adminunit.notFound", code));
    }

    @GetMapping("/{code}/children")
    @Operation(operationId = "listAdminUnitChildren",
            summary = "Các đơn vị trực thuộc: the units inside one")
    List<AdminUnit> children(@PathVariable String code, @RequestParam(defaultValue = "2025") String regime) {
        return units.children(regime(regime), code);
    }

    @GetMapping("/{code}/successors")
    @Operation(operationId = "listAdminUnitSuccessors",
            summary = "Xã mới (2025) của một xã cũ (the 2025 communes an old commune went into)")
    List<AdminUnitMapping> successors(@PathVariable String code) {
        return units.successors(code);
    }

    private static Regime regime(String value) {
        return value.equals("pre2025") ? Regime.PRE_2025 : Regime.CURRENT;
    }
}
