package vn.cho40.payment;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port: the market boards' collection accounts (where bills and orders are paid), found by the keyed hash of the
 * account number like traders' accounts. A credit to one without a settling code waits in that market's
 * exceptions queue for the cashier to assign it to a bill.
 */
public interface CollectionAccounts {

    /** The collection accounts with these number hashes, by hash. */
    Map<ByteBuffer, List<Account>> at(Collection<byte[]> numberHashes);

    /** A market's collection account: the market and its bank's BIN. */
    record Account(UUID marketId, String bin) {
    }
}
