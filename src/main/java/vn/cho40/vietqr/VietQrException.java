package vn.cho40.vietqr;

/** Input that cannot become a VietQR code, with the field and a message saying what to change. */
public class VietQrException extends IllegalArgumentException {

    private final String field;

    public VietQrException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
