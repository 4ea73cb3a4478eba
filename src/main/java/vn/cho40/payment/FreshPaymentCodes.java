package vn.cho40.payment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.cho40.shared.PaymentCode;

/**
 * New payment codes that no issuer has given out: codes are random (7 characters of 32, about 34 billion), so among
 * the tens of thousands a province bills each month two would sooner or later meet (a billing run of 60,000 stalls
 * drew one), and a code two issuers answer for is one the matcher cannot place. Each batch is checked against every
 * issuer through the port, in one query per issuer, and drawn again where it collides.
 */
@Service
public class FreshPaymentCodes {

    private final ObjectProvider<PaymentCodes> issuers;

    FreshPaymentCodes(ObjectProvider<PaymentCodes> issuers) {
        this.issuers = issuers;
    }

    public String one() {
        return generate(1).getFirst();
    }

    /** {@code count} distinct codes none of the issuers knows. */
    public List<String> generate(int count) {
        Set<String> fresh = new LinkedHashSet<>();
        while (fresh.size() < count) {
            Set<String> drawn = new LinkedHashSet<>();
            while (drawn.size() < count - fresh.size()) {
                String c = PaymentCode.generate();
                if (!fresh.contains(c)) {
                    drawn.add(c);
                }
            }
            for (PaymentCodes issuer : issuers) {
                drawn.removeAll(issuer.findAll(drawn).keySet());
            }
            fresh.addAll(drawn);
        }
        return new ArrayList<>(fresh);
    }
}
