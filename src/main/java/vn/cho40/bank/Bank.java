package vn.cho40.bank;

/** A NAPAS member: a bank or a mobile-money wallet, known by its 6-digit BIN. */
public record Bank(String bin, String code, String shortName, String name, Kind kind) {

    public enum Kind { BANK, WALLET }

    public String label() {
        return shortName + " (" + bin + ")";
    }
}
