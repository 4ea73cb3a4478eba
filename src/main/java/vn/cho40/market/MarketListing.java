package vn.cho40.market;

/** A market as the open directory shows it: where it is in both regimes, and how far its rollout is. */
public record MarketListing(
        String code,
        String name,
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        String pre2025DistrictName,
        MarketStatus status,
        int marketClass,
        boolean freeWifi,
        String address,
        int stallCount) {
}
