package vn.cho40.market;

/**
 * The hạng of a market by its number of business points (Decree 02/2003, amended by 114/2009): over 400
 * is class 1, 200 to 400 class 2, under 200 class 3. Stored as chosen; this is the suggestion.
 */
public final class MarketClass {

    private MarketClass() {
    }

    public static int forBusinessPoints(int points) {
        if (points > 400) {
            return 1;
        }
        return points >= 200 ? 2 : 3;
    }
}
