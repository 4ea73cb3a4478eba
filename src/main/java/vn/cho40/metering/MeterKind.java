package vn.cho40.metering;

/** What a sub-meter measures, and its unit: whole kilowatt-hours or whole cubic metres. */
public enum MeterKind {
    ELECTRICITY("kWh"), WATER("m³");

    private final String unit;

    MeterKind(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
