package vn.cho40.vietqr;

/** The result of reading a payload: either every field, or the precise reason it is not a valid code. */
public sealed interface Decoded {

    record Valid(VietQrPayload payload, String bankName) implements Decoded {
    }

    record Invalid(Reason reason, String detail) implements Decoded {
    }

    enum Reason {
        EMPTY, NOT_ASCII, TRUNCATED, BAD_LENGTH, MISSING_CRC, CRC_NOT_LAST, BAD_CRC, MISSING_FORMAT,
        BAD_FORMAT, MISSING_MERCHANT_INFO, MISSING_GUID, MISSING_BENEFICIARY, BAD_BIN, BAD_ACCOUNT,
        BAD_SERVICE, BAD_AMOUNT, BAD_CURRENCY, BAD_COUNTRY, BAD_INITIATION, DUPLICATE_TAG
    }
}
