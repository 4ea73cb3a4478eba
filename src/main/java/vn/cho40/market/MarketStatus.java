package vn.cho40.market;

/** The Chợ 4.0 rollout of one market: planned, then onboarding traders, then live. One step at a time. */
public enum MarketStatus {
    PLANNED, ONBOARDING, LIVE;

    public boolean canMoveTo(MarketStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
