package vn.cho40.identity;

import java.util.Optional;

/** Where a market is, by code; implemented by the market module so identity need not depend on it. */
public interface MarketLocator {

    Optional<MarketPlace> locate(String marketCode);
}
