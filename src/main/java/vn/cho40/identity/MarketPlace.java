package vn.cho40.identity;

/** Where a market is, which is all a scope needs to decide whether it covers it. */
public record MarketPlace(String marketCode, String communeCode, String provinceCode) {
}
