package vn.cho40.vietqr;

/**
 * What a VietQR code says: pay this account (or card) at this bank, optionally this amount with this
 * purpose. {@code amountVnd} is null for a static code the payer fills in.
 */
public record VietQrPayload(String bin, String account, Service service, Long amountVnd, String purpose,
                            String reference, String storeLabel, boolean dynamic) {

    /** QRIBFTTA: transfer to an account; QRIBFTTC: to a card; QRPUSH merchant codes may carry none. */
    public enum Service {
        TO_ACCOUNT("QRIBFTTA"), TO_CARD("QRIBFTTC");

        private final String code;

        Service(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Service of(String code) {
            for (Service s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            return null;
        }
    }

    public static VietQrPayload staticCode(String bin, String account) {
        return new VietQrPayload(bin, account, Service.TO_ACCOUNT, null, null, null, null, false);
    }

    public static VietQrPayload dynamicCode(String bin, String account, long amountVnd, String purpose,
                                            String reference) {
        return new VietQrPayload(bin, account, Service.TO_ACCOUNT, amountVnd, purpose, reference, null, true);
    }
}
