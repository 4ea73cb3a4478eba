package vn.cho40.metering;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;

/** Meter readings for the board's own tools: record one, list a month's. Staff credentials (HTTP Basic). */
@RestController
@RequestMapping("/api/v1/markets/{code}/meter-readings")
@Tag(name = "Chỉ số công tơ (meter readings)")
class MeterReadingApi {

    private final Markets markets;
    private final MeterReadings readings;
    private final Access access;

    MeterReadingApi(Markets markets, MeterReadings readings, Access access) {
        this.markets = markets;
        this.readings = readings;
        this.access = access;
    }

    @Schema(description = "A reading: the meter by its serial (kind only when an electricity and a water meter share "
            + "it), or by stall code and kind; the day read (ISO date, today in Asia/Ho_Chi_Minh when left out); the "
            + "register's whole value. An unusual jump (more than 3 times the stall's average use per day) is refused "
            + "until sent again with confirmJump=true.")
    record MeterReadingRequest(@Schema(example = "DT-E-0001") String meterSerial,
                          @Schema(example = "A-1") String stallCode,
                          @Schema(example = "ELECTRICITY", allowableValues = {"ELECTRICITY", "WATER"}) String kind,
                          @Schema(example = "2026-12-01") LocalDate readOn,
                          @Schema(example = "1234", minimum = "0", maximum = "999999999") Long value,
                          Boolean confirmJump) {
    }

    @Schema(description = "A saved reading with the point it followed (the previous reading, or the meter's initial "
            + "reading on installation) and the consumption since.")
    record MeterReadingSaved(String id, String meterSerial, String stallCode, MeterKind kind, String unit, LocalDate readOn,
                     long value, long previousValue, LocalDate previousOn, long consumption, boolean jumpConfirmed) {
    }

    @Schema(description = "A reading of the period.")
    record MeterReadingJson(String id, String meterSerial, String stallCode, MeterKind kind, String unit, LocalDate readOn,
                       long value, String source, boolean jumpConfirmed, String enteredBy) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "saved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeterReadingSaved.class)))
    @Operation(operationId = "recordMeterReading",
            summary = "Ghi chỉ số công tơ của một quầy: record a stall's meter reading (lower than the previous one: "
                    + "refused; unusual jump: confirmJump needed; same meter and day twice: refused)")
    ResponseEntity<MeterReadingSaved> record(@PathVariable String code, @RequestBody MeterReadingRequest r) {
        Market market = markets.forStaff(code, Permission.METER_READ);
        MeterReadings.Saved s = readings.record(market, new MeterReadings.Request(r.meterSerial(), r.stallCode(),
                r.kind(), r.readOn() == null ? null : r.readOn().toString(),
                r.value() == null ? null : String.valueOf(r.value()), Boolean.TRUE.equals(r.confirmJump())),
                ReadingSource.API, access.require().username());
        return ResponseEntity.created(URI.create("/api/v1/markets/" + market.code() + "/meter-readings?period="
                        + YearMonth.from(s.readOn())))
                .body(new MeterReadingSaved(s.id().toString(), s.meter().serial(), s.meter().stallCode(), s.meter().kind(),
                        s.meter().kind().unit(), s.readOn(), s.value(), s.previous().value(), s.previous().on(),
                        s.consumption(), s.jump()));
    }

    @GetMapping
    @Operation(operationId = "listMeterReadings",
            summary = "Các chỉ số công tơ đã ghi trong một tháng: a market's meter readings of a month")
    List<MeterReadingJson> list(@PathVariable String code,
                           @Parameter(description = "YYYY-MM; the current month when left out", example = "2026-12",
                                   schema = @Schema(type = "string", pattern = "^[0-9]{4}-[0-9]{2}$"))
                           @RequestParam(required = false) YearMonth period) {
        Market market = markets.forStaff(code, Permission.METER_READ);
        YearMonth month = period != null ? period : YearMonth.from(readings.today());
        return readings.inPeriod(market, month).stream()
                .map(x -> new MeterReadingJson(x.id().toString(), x.serial(), x.stallCode(), x.kind(), x.kind().unit(),
                        x.readOn(), x.value(), x.source(), x.jumpConfirmed(), x.enteredBy()))
                .toList();
    }
}
