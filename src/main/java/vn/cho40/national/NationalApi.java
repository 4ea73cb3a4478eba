package vn.cho40.national;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;

/** The national figures as JSON, for the national dashboard's clients; staff with NATIONAL_READ only. */
@RestController
@NationalRole
@Tag(name = "Số liệu quốc gia (national figures)")
class NationalApi {

    /** One province's month (or the country's in {@code total}); amounts in đồng. */
    record ProvinceJson(String provinceCode, String provinceName, long paymentsCount, long paymentsValueVnd,
                        long billPaymentsCount, long billPaymentsValueVnd, long marketsLive, long markets) {
    }

    record FiguresJson(String month, List<ProvinceJson> provinces, ProvinceJson total, long eventsApplied) {
    }

    private final NationalView view;
    private final NationalFigures figures;
    private final Access access;

    NationalApi(NationalView view, NationalFigures figures, Access access) {
        this.view = view;
        this.figures = figures;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/national/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "nationalFigures", summary = "Số liệu theo tỉnh trong tháng: payments, bill payments and "
            + "markets live per province, from the national database (filled from the cells' Kafka topics)")
    FiguresJson figures(@Parameter(description = "YYYY-MM, empty: this month (Vietnam time)")
                        @RequestParam(defaultValue = "") String month) {
        access.requirePermission(Permission.NATIONAL_READ);
        NationalView.Month m = view.month(view.parseMonth(month));
        return new FiguresJson(m.month().toString(), m.provinces().stream().map(NationalApi::json).toList(),
                json(m.total()), figures.eventsSeen());
    }

    private static ProvinceJson json(NationalView.Line l) {
        return new ProvinceJson(l.provinceCode(), l.provinceName(), l.paymentsCount(), l.paymentsValueVnd(),
                l.billPaymentsCount(), l.billPaymentsValueVnd(), l.marketsLive(), l.markets());
    }
}
