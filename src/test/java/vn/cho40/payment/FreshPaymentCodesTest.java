package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import vn.cho40.shared.PaymentCode;

class FreshPaymentCodesTest {

    /** An issuer that already gave out every code of the first batch it is asked about, and none after. */
    static final class TakenOnce implements PaymentCodes {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Optional<Target> find(String code) {
            return Optional.empty();
        }

        @Override
        public Map<String, Target> findAll(Collection<String> codes) {
            Map<String, Target> known = new HashMap<>();
            if (asked.getAndIncrement() == 0) {
                codes.forEach(c -> known.put(c, null));
            }
            return known;
        }
    }

    @Test
    void codesAnIssuerAlreadyGaveOutAreDrawnAgain() {
        TakenOnce issuer = new TakenOnce();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("issuer", issuer);
        List<String> codes = new FreshPaymentCodes(beans.getBeanProvider(PaymentCodes.class)).generate(500);
        assertThat(codes).hasSize(500).doesNotHaveDuplicates().allMatch(PaymentCode::isValid);
        assertThat(issuer.asked.get()).as("the first batch all taken, so a second was drawn").isEqualTo(2);
    }
}
