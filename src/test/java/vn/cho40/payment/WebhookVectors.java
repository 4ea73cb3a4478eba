package vn.cho40.payment;

/**
 * Webhook vectors built from the providers' documented schemes (PROVIDERS.md section 2) and signed
 * independently of this codebase, with Python's hmac and hashlib. The keys are made up for the tests.
 */
final class WebhookVectors {

    static final String PAYOS_KEY = "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675";
    static final String PAYOS_DATA_STRING = "accountNumber=12345678&amount=3000&code=00&counterAccountBankId=&counterAccountBankName=&counterAccountName=&counterAccountNumber=&currency=VND&desc=Thành công&description=VQRIO123&orderCode=123&paymentLinkId=124c33293c43417ab7879e14c8d9eb18&reference=TF230204212323&transactionDateTime=2023-02-04 18:25:00&virtualAccountName=&virtualAccountNumber=";
    static final String PAYOS_BODY = "{\"code\": \"00\", \"desc\": \"success\", \"success\": true, \"data\": {\"orderCode\": 123, \"amount\": 3000, \"description\": \"VQRIO123\", \"accountNumber\": \"12345678\", \"reference\": \"TF230204212323\", \"transactionDateTime\": \"2023-02-04 18:25:00\", \"currency\": \"VND\", \"paymentLinkId\": \"124c33293c43417ab7879e14c8d9eb18\", \"code\": \"00\", \"desc\": \"Thành công\", \"counterAccountBankId\": \"\", \"counterAccountBankName\": \"\", \"counterAccountName\": null, \"counterAccountNumber\": null, \"virtualAccountName\": \"\", \"virtualAccountNumber\": \"\"}, \"signature\": \"412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03\"}";
    static final String SEPAY_SECRET = "sepay-secret";
    static final String SEPAY_TIMESTAMP = "1795000000";
    static final String SEPAY_BODY = "{\"id\":92704,\"gateway\":\"Vietcombank\",\"transactionDate\":\"2026-11-24 08:15:30\",\"accountNumber\":\"0011001234567\",\"code\":null,\"content\":\"CHO DAI TU A12 rau\",\"transferType\":\"in\",\"transferAmount\":125000,\"accumulated\":19077000,\"subAccount\":null,\"referenceCode\":\"MBVCB.3278907687\",\"description\":\"\"}";
    static final String SEPAY_SIGNATURE = "sha256=0b3910fca4fc4dff10c0c06cbe881545914e9f4db06b3c90c05b68d198a2b11b";
    static final String CASSO_KEY = "casso-checksum";
    static final String CASSO_T = "1795000000000";
    static final String CASSO_BODY = "{\n \"error\": 0,\n \"data\": {\n  \"id\": \"0a1b2c\",\n  \"reference\": \"FT25328123456\",\n  \"description\": \"Nguyễn Thị Hoa chuyển tiền rau/củ\",\n  \"amount\": 45000,\n  \"runningBalance\": 1045000,\n  \"transactionDateTime\": \"2026-11-24 07:05:00\",\n  \"accountNumber\": \"2200123456789\",\n  \"bankName\": \"Agribank\",\n  \"bankAbbreviation\": \"AGR\",\n  \"virtualAccountNumber\": \"\",\n  \"virtualAccountName\": \"\",\n  \"counterAccountName\": \"NGUYEN THI HOA\",\n  \"counterAccountNumber\": \"0961234567\",\n  \"counterAccountBankId\": \"971005\",\n  \"counterAccountBankName\": \"Viettel Money\"\n }\n}";
    static final String CASSO_CANONICAL = "{\"data\":{\"accountNumber\":\"2200123456789\",\"amount\":45000,\"bankAbbreviation\":\"AGR\",\"bankName\":\"Agribank\",\"counterAccountBankId\":\"971005\",\"counterAccountBankName\":\"Viettel Money\",\"counterAccountName\":\"NGUYEN THI HOA\",\"counterAccountNumber\":\"0961234567\",\"description\":\"Nguyễn Thị Hoa chuyển tiền rau/củ\",\"id\":\"0a1b2c\",\"reference\":\"FT25328123456\",\"runningBalance\":1045000,\"transactionDateTime\":\"2026-11-24 07:05:00\",\"virtualAccountName\":\"\",\"virtualAccountNumber\":\"\"},\"error\":0}";
    static final String CASSO_SIGNATURE = "t=" + CASSO_T + ",v1=3927c9a8846687fb8ff5ebac164b7451e8f419e7ad1fb84529f71b6671bc151cc779234b658d1d8ddf69ba1ecdb97225777773c918f7b59f6a8b56c43e225f81";

    private WebhookVectors() {
    }
}
