package vn.cho40.rollout;

/**
 * The indicators of the provincial plans (WAVE2 research §4.1), each with its numerator and denominator; the texts
 * shown on screen, with the definition, are in i18n/rollout ({@code rollout.indicator.<NAME>} and
 * {@code .definition}). An indicator whose figure another module answers reads it through {@link MarketFigures}.
 */
public enum Indicator {
    /** Markets running Chợ 4.0 at the end of the period / markets in scope. */
    MARKETS_LIVE(true, null),
    /** Traders with an active lease whose stall has a valid code / traders with an active lease. */
    TRADERS_WITH_QR(true, null),
    /** Traders with at least the threshold of cashless payments in the month / traders with a code. */
    TRADERS_ACTIVE(true, null),
    /** Cashless payments credited to traders in the month. */
    PAYMENTS_COUNT(false, null),
    /** Their value in đồng. */
    PAYMENTS_VALUE(false, null),
    /** Markets whose fees were paid by transfer in the month / markets in scope. */
    FEES_CASHLESS(true, MarketFigures.FEES_CASHLESS_VND),
    /** Markets issuing e-invoices or e-receipts in the month / markets in scope. */
    EINVOICES(true, MarketFigures.EINVOICES_ISSUED),
    /** Boards paying the month's salaries by transfer / markets in scope. */
    PAYROLL_TRANSFER(true, MarketFigures.PAYROLL_BY_TRANSFER),
    /** Markets with at least one local product on e-commerce / markets in scope. */
    PRODUCTS_ONLINE(true, MarketFigures.PRODUCTS_ONLINE);

    private final boolean percentAllowed;
    private final String figureKey;

    Indicator(boolean percentAllowed, String figureKey) {
        this.percentAllowed = percentAllowed;
        this.figureKey = figureKey;
    }

    public boolean percentAllowed() {
        return percentAllowed;
    }

    /** The figure another module answers for this indicator, or null when the rollout measures it itself. */
    public String figureKey() {
        return figureKey;
    }

    /** A part and its whole; whole is null for a plain count. */
    public record Actual(long part, Long whole) {

        public Double percent() {
            return whole == null ? null : UnitMonth.share(part, whole);
        }
    }

    /** The indicator's value for a unit's month, or null when the module that records it has not answered. */
    public Actual of(UnitMonth u) {
        return switch (this) {
            case MARKETS_LIVE -> new Actual(u.marketsLive(), (long) u.markets());
            case TRADERS_WITH_QR -> new Actual(u.tradersWithQr(), (long) u.traders());
            case TRADERS_ACTIVE -> new Actual(u.tradersActive(), (long) u.tradersWithQr());
            case PAYMENTS_COUNT -> new Actual(u.paymentsCount(), null);
            case PAYMENTS_VALUE -> new Actual(u.paymentsValue(), null);
            default -> u.marketsWith().containsKey(figureKey)
                    ? new Actual(u.marketsWith().get(figureKey), (long) u.markets()) : null;
        };
    }
}
