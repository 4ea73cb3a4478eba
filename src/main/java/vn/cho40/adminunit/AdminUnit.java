package vn.cho40.adminunit;

/** One unit: a province, a pre-2025 district or a commune (xã, phường, thị trấn, đặc khu). */
public record AdminUnit(Regime regime, String code, String name, Level level, String parentCode, String type) {

    public enum Regime {
        CURRENT("2025"), PRE_2025("pre2025");

        private final String dbValue;

        Regime(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }

        static Regime fromDb(String value) {
            return value.equals("2025") ? CURRENT : PRE_2025;
        }
    }

    public enum Level { PROVINCE, DISTRICT, COMMUNE }

    /** "Xã Đại Phúc", "Tỉnh Thái Nguyên": the type word and the proper name. */
    public String fullName() {
        return type + " " + name;
    }
}
