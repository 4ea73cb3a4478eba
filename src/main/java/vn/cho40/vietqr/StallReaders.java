package vn.cho40.vietqr;

import org.springframework.stereotype.Component;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.shared.NotFoundException;
import vn.cho40.trader.Traders;

/**
 * Who may read a stall's code: staff of the market, and a trader only for the stalls they lease now (a trader's
 * scope spans the whole market, but another stall's code carries another person's account number).
 */
@Component
class StallReaders {

    private final Markets markets;
    private final StallCodes codes;
    private final Access access;
    private final Traders traders;

    StallReaders(Markets markets, StallCodes codes, Access access, Traders traders) {
        this.markets = markets;
        this.codes = codes;
        this.access = access;
        this.traders = traders;
    }

    record Target(Market market, Stall stall) {
    }

    Target readable(String marketCode, String stallCode) {
        Market market = markets.forStaff(marketCode, null);
        Stall stall = codes.stall(market, stallCode);
        CurrentUser user = access.require();
        if (user.traderId() != null && traders.leases(user.traderId()).stream()
                .noneMatch(l -> l.endsOn() == null && l.stallId().equals(stall.id()))) {
            throw new NotFoundException("stall.notFound", stallCode);
        }
        return new Target(market, stall);
    }

    /** "No current code" in words the reader can act on: how to make one, for those allowed to. */
    NotFoundException noCode(Target t) {
        boolean mayMake = access.current().map(u -> u.may(Permission.STALL_EDIT)).orElse(false);
        return mayMake ? new NotFoundException("stall.noCode.staff", t.stall().code(), t.market().code())
                : new NotFoundException("stall.noCode", t.stall().code());
    }
}
