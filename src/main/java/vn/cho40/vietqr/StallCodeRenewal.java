package vn.cho40.vietqr;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cho40.trader.StallAccountChanged;

/**
 * Replaces the static codes of stalls whose account changed, in the transaction of the change (a synchronous
 * listener): codes are made by writes, so reading a sign or a QR image never creates or revokes one.
 */
@Component
class StallCodeRenewal {

    private final StallCodes codes;

    StallCodeRenewal(StallCodes codes) {
        this.codes = codes;
    }

    @EventListener
    void on(StallAccountChanged event) {
        codes.renew(event.marketId(), event.stallIds());
    }
}
