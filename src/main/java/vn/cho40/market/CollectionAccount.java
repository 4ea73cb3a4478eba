package vn.cho40.market;

import java.util.UUID;

/** A market board's collection account as payments find it: the keyed hash of its number, the market, its bank. */
public record CollectionAccount(byte[] numberHash, UUID marketId, String bin) {
}
