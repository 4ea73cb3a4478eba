package vn.cho40.metering;

import org.springframework.stereotype.Component;
import vn.cho40.shared.VnFormats;

/** Meter figures for the templates ({@code @meterFmt}): register values grouped by thousands, as the meter's face. */
@Component("meterFmt")
class MeteringFormats {

    public String value(long value) {
        return VnFormats.groupThousands(value);
    }

    public MeterKind[] kinds() {
        return MeterKind.values();
    }
}
