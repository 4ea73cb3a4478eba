package vn.cho40.trader;

import vn.cho40.shared.SearchText;

/**
 * Bank apps show the account holder's name in upper case without diacritics ("NGUYEN THI HOA"). It must be
 * the trader's own name, compared ignoring case, diacritics and spacing; anything else needs a staff
 * member's confirmation with a reason (a relative's account, a business name).
 */
public final class HolderName {

    private HolderName() {
    }

    public static boolean matches(String holderName, String traderName) {
        String holder = SearchText.fold(holderName);
        return !holder.isEmpty() && holder.equals(SearchText.fold(traderName));
    }

    public static String bankStyle(String name) {
        return SearchText.upperAscii(name);
    }
}
