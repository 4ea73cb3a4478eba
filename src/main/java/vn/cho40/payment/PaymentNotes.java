package vn.cho40.payment;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Port: what a matched payment paid for, in one short line the payee's phone shows and reads aloud after the
 * amount (an order's number and items). Modules that issue payment codes for something bought implement it; the
 * payments module and the trader's app never know them.
 */
public interface PaymentNotes {

    /** The lines of those of these payment events this module knows, by payment event id. */
    Map<UUID, String> notes(Collection<UUID> paymentIds);
}
