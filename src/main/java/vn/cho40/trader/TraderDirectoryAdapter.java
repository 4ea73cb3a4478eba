package vn.cho40.trader;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.cho40.identity.TraderDirectory;

/** Lets identity log traders in by phone without knowing this module. */
@Component
class TraderDirectoryAdapter implements TraderDirectory {

    private final Traders traders;

    TraderDirectoryAdapter(Traders traders) {
        this.traders = traders;
    }

    @Override
    public Optional<TraderIdentity> findByPhone(String normalizedPhone) {
        return traders.findByPhone(normalizedPhone)
                .map(t -> new TraderIdentity(t.id(), t.fullName(), traders.marketCodes(t.id())));
    }
}
