package vn.cho40.payment;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.cho40.market.CollectionAccount;
import vn.cho40.market.Markets;

/** The collection accounts the market boards keep on their market's record (the market form's bank account). */
@Component
class MarketCollectionAccounts implements CollectionAccounts {

    private final Markets markets;

    MarketCollectionAccounts(Markets markets) {
        this.markets = markets;
    }

    @Override
    public Map<ByteBuffer, List<Account>> at(Collection<byte[]> numberHashes) {
        Map<ByteBuffer, List<Account>> found = new HashMap<>();
        for (CollectionAccount a : markets.collectionAccountsAt(numberHashes)) {
            found.computeIfAbsent(ByteBuffer.wrap(a.numberHash()), h -> new java.util.ArrayList<>())
                    .add(new Account(a.marketId(), a.bin()));
        }
        return found;
    }
}
