package vn.cho40;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import vn.cho40.payment.PaymentMatched;

/** Every PaymentMatched event of the shared test context, whichever thread published it. */
public class MatchedPayments {

    private final List<PaymentMatched> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PaymentMatched e) {
        seen.add(e);
    }

    public List<PaymentMatched> seen() {
        return List.copyOf(seen);
    }
}
