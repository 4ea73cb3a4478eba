package vn.cho40.market;

/** A zone or row of stalls (khu, dãy) with how many stalls it has. */
public record Zone(String code, String name, int stallCount) {
}
