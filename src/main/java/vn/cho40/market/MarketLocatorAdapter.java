package vn.cho40.market;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MarketLocator;
import vn.cho40.identity.MarketPlace;

@Component
class MarketLocatorAdapter implements MarketLocator {

    private final Markets markets;

    MarketLocatorAdapter(Markets markets) {
        this.markets = markets;
    }

    @Override
    public Optional<MarketPlace> locate(String marketCode) {
        return markets.find(marketCode == null ? "" : marketCode).map(Markets::place);
    }
}
