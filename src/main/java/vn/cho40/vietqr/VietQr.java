package vn.cho40.vietqr;

import java.text.Normalizer;
import vn.cho40.bank.Bank;
import vn.cho40.bank.BankDirectory;

/**
 * Encodes and decodes NAPAS VietQR payloads. Strict about structure and the CRC (a bad CRC is refused,
 * never repaired), lenient where codes in circulation go beyond the letter of the standard: fields in any
 * order, unknown fields, lower-case CRC hex, long purposes, static codes with an amount, merchant codes
 * without a service code. Pure Java; decoding never throws.
 */
public final class VietQr {

    public static final String GUID = "A000000727";
    /** A single NAPAS 247 transfer must stay under 500 million đồng. */
    public static final long MAX_AMOUNT_VND = 499_999_999L;
    public static final int MAX_PURPOSE = 25;
    public static final int MAX_ACCOUNT = 19;

    private VietQr() {
    }

    // ---------------------------------------------------------------- encode

    public static String encode(VietQrPayload p) {
        BankDirectory banks = BankDirectory.shipped();
        String bin = p.bin() == null ? "" : p.bin().strip();
        if (bin.length() != 6 || !Tlv.isDigits(bin)) {
            throw new VietQrException("bin", "BIN must be 6 digits (got '" + bin + "')");
        }
        if (banks.byBin(bin).isEmpty()) {
            throw new VietQrException("bin", "BIN " + bin + " is not a NAPAS member in the shipped list");
        }
        String account = p.account() == null ? "" : p.account().replace(" ", "");
        if (account.isEmpty() || account.length() > MAX_ACCOUNT || !isAlphanumeric(account)) {
            throw new VietQrException("account", "account must be 1-" + MAX_ACCOUNT + " letters or digits (got "
                    + account.length() + ")");
        }
        if (p.amountVnd() != null && (p.amountVnd() <= 0 || p.amountVnd() > MAX_AMOUNT_VND)) {
            throw new VietQrException("amount", "amount must be 1 to " + MAX_AMOUNT_VND
                    + " đồng (one NAPAS 247 transfer), got " + p.amountVnd());
        }
        String purpose = p.purpose() == null ? "" : ascii(p.purpose());
        if (purpose.length() > MAX_PURPOSE) {
            throw new VietQrException("purpose", "purpose is " + purpose.length() + " characters after removing "
                    + "diacritics; at most " + MAX_PURPOSE + " fit: '" + purpose + "'");
        }
        String reference = p.reference() == null ? "" : ascii(p.reference()).replace(" ", "");
        if (reference.length() > MAX_PURPOSE) {
            throw new VietQrException("reference", "reference is longer than " + MAX_PURPOSE + " characters");
        }
        String storeLabel = p.storeLabel() == null ? "" : ascii(p.storeLabel());
        if (storeLabel.length() > MAX_PURPOSE) {
            throw new VietQrException("storeLabel", "store label is longer than " + MAX_PURPOSE + " characters");
        }
        boolean dynamic = p.amountVnd() != null;

        StringBuilder beneficiary = new StringBuilder(32);
        Tlv.append(beneficiary, "00", bin);
        Tlv.append(beneficiary, "01", account);
        StringBuilder merchant = new StringBuilder(64);
        Tlv.append(merchant, "00", GUID);
        Tlv.append(merchant, "01", beneficiary.toString());
        Tlv.append(merchant, "02", (p.service() == null ? VietQrPayload.Service.TO_ACCOUNT : p.service()).code());

        StringBuilder out = new StringBuilder(160);
        Tlv.append(out, "00", "01");
        Tlv.append(out, "01", dynamic ? "12" : "11");
        Tlv.append(out, "38", merchant.toString());
        Tlv.append(out, "53", "704");
        if (dynamic) {
            Tlv.append(out, "54", Long.toString(p.amountVnd()));
        }
        Tlv.append(out, "58", "VN");
        if (!purpose.isEmpty() || !reference.isEmpty() || !storeLabel.isEmpty()) {
            StringBuilder additional = new StringBuilder(64);
            if (!storeLabel.isEmpty()) {
                Tlv.append(additional, "03", storeLabel);
            }
            if (!reference.isEmpty()) {
                Tlv.append(additional, "05", reference);
            }
            if (!purpose.isEmpty()) {
                Tlv.append(additional, "08", purpose);
            }
            Tlv.append(out, "62", additional.toString());
        }
        out.append("6304");
        out.append(Crc16.hex(Crc16.of(out, out.length())));
        return out.toString();
    }

    /**
     * Vietnamese text as the standard's ASCII: diacritics removed (Đ becomes D), anything but letters,
     * digits, spaces and . , - / dropped, spaces collapsed.
     */
    public static String ascii(String text) {
        if (isPlainAscii(text)) {
            return text.strip();
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            c = c == 'Đ' ? 'D' : c == 'đ' ? 'd' : c;
            boolean keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == ',' || c == '-' || c == '/';
            if (keep) {
                out.append(c);
            } else if (Character.isWhitespace(c) && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    /** Already the standard's alphabet (letters, digits, single spaces, . , - /): nothing to fold. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == ',' || c == '-' || c == '/' || (c == ' ' && i > 0 && s.charAt(i - 1) != ' ');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- decode

    public static Decoded decode(String payload) {
        try {
            return decodeOrThrow(payload);
        } catch (Tlv.Malformed m) {
            return new Decoded.Invalid(m.reason, m.getMessage());
        }
    }

    private static Decoded decodeOrThrow(String s) throws Tlv.Malformed {
        if (s == null || s.isBlank()) {
            throw new Tlv.Malformed(Decoded.Reason.EMPTY, "the payload is empty");
        }
        s = s.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new Tlv.Malformed(Decoded.Reason.NOT_ASCII, "character at position " + i
                        + " is not printable ASCII");
            }
        }
        Tlv.Fields top = Tlv.parse(s, "payload");
        checkCrc(s, top);
        String format = top.get("00");
        if (format == null) {
            throw new Tlv.Malformed(Decoded.Reason.MISSING_FORMAT, "field 00 (payload format) is missing");
        }
        if (!format.equals("01")) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_FORMAT, "field 00 must be 01, is " + format);
        }
        String initiation = top.get("01");
        if (initiation != null && !initiation.equals("11") && !initiation.equals("12")) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_INITIATION, "field 01 must be 11 (static) or 12 (dynamic)");
        }
        String merchantInfo = top.get("38");
        if (merchantInfo == null) {
            throw new Tlv.Malformed(Decoded.Reason.MISSING_MERCHANT_INFO, "field 38 (VietQR beneficiary) is missing");
        }
        Tlv.Fields merchant = Tlv.parse(merchantInfo, "field 38");
        if (!GUID.equalsIgnoreCase(merchant.get("00"))) {
            throw new Tlv.Malformed(Decoded.Reason.MISSING_GUID, "field 38.00 must be " + GUID);
        }
        String beneficiaryInfo = merchant.get("01");
        if (beneficiaryInfo == null) {
            throw new Tlv.Malformed(Decoded.Reason.MISSING_BENEFICIARY, "field 38.01 (bank and account) is missing");
        }
        Tlv.Fields beneficiary = Tlv.parse(beneficiaryInfo, "field 38.01");
        String bin = beneficiary.get("00");
        String account = beneficiary.get("01");
        if (bin == null || account == null) {
            throw new Tlv.Malformed(Decoded.Reason.MISSING_BENEFICIARY, "field 38.01 needs 00 (BIN) and 01 (account)");
        }
        if (bin.length() != 6 || !Tlv.isDigits(bin)) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_BIN, "BIN must be 6 digits, is '" + bin + "'");
        }
        if (account.isEmpty() || account.length() > MAX_ACCOUNT || !isAlphanumeric(account)) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_ACCOUNT, "account must be 1-19 letters or digits");
        }
        String serviceCode = merchant.get("02");
        VietQrPayload.Service service = serviceCode == null ? null : VietQrPayload.Service.of(serviceCode);
        if (serviceCode != null && service == null && !serviceCode.startsWith("QRPUSH")) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_SERVICE, "service code " + serviceCode + " is unknown");
        }
        String currency = top.get("53");
        if (currency != null && !currency.equals("704")) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_CURRENCY, "currency must be 704 (đồng), is " + currency);
        }
        String country = top.get("58");
        if (country != null && !country.equals("VN")) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_COUNTRY, "country must be VN, is " + country);
        }
        Long amount = null;
        String amountText = top.get("54");
        if (amountText != null) {
            if (amountText.length() > 13 || !Tlv.isDigits(amountText) || Long.parseLong(amountText) <= 0) {
                throw new Tlv.Malformed(Decoded.Reason.BAD_AMOUNT, "amount must be 1-13 digits of whole đồng, is '"
                        + amountText + "'");
            }
            amount = Long.parseLong(amountText);
        }
        String purpose = null;
        String reference = null;
        String storeLabel = null;
        String additional = top.get("62");
        if (additional != null) {
            Tlv.Fields extra = Tlv.parse(additional, "field 62");
            purpose = extra.get("08");
            reference = extra.get("05");
            storeLabel = extra.get("03");
        }
        boolean dynamic = "12".equals(initiation);
        Bank bank = BankDirectory.shipped().byBin(bin).orElse(null);
        return new Decoded.Valid(new VietQrPayload(bin, account, service, amount, purpose, reference, storeLabel,
                dynamic), bank == null ? null : bank.shortName());
    }

    private static void checkCrc(String s, Tlv.Fields top) throws Tlv.Malformed {
        String crc = top.get("63");
        if (crc == null) {
            throw new Tlv.Malformed(Decoded.Reason.MISSING_CRC, "field 63 (CRC) is missing");
        }
        if (crc.length() != 4 || !s.endsWith("6304" + crc)) {
            throw new Tlv.Malformed(Decoded.Reason.CRC_NOT_LAST, "field 63 must be last, with 4 hex digits");
        }
        int expected;
        try {
            expected = Integer.parseInt(crc, 16);
        } catch (NumberFormatException e) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_CRC, "CRC '" + crc + "' is not hexadecimal");
        }
        int actual = Crc16.of(s, s.length() - 4);
        if (actual != expected || crc.startsWith("+") || crc.startsWith("-")) {
            throw new Tlv.Malformed(Decoded.Reason.BAD_CRC, "CRC is " + crc.toUpperCase() + ", the content gives "
                    + Crc16.hex(actual));
        }
    }
}
