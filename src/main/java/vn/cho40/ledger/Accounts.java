package vn.cho40.ledger;

import java.util.UUID;

/**
 * The names of the ledger's accounts, one place for every module that posts. A market's books hold: what a
 * provider's clearing account owes ({@code clearing:<provider>}), what the board owes a trader for sales paid
 * to the trader's own account ({@code trader:<id>}), what a trader owes the board for bills
 * ({@code receivable:<trader id>}), a trader's prepaid credit with the board ({@code credit:<trader id>}), the
 * board's income per charge type ({@code revenue:<type>}), its allowances ({@code waiver:<type>}) and its cash
 * desk ({@code cash}), and what a trader paid back to buyers ({@code refunds:<trader id>}).
 */
public final class Accounts {

    private Accounts() {
    }

    public static String clearing(String provider) {
        return "clearing:" + provider;
    }

    public static String trader(UUID traderId) {
        return "trader:" + traderId;
    }

    public static String receivable(UUID traderId) {
        return "receivable:" + traderId;
    }

    /** The start every trader's credit account's name shares. */
    public static final String CREDIT = "credit:";

    public static String credit(UUID traderId) {
        return CREDIT + traderId;
    }

    public static String revenue(String chargeType) {
        return "revenue:" + chargeType;
    }

    public static String waiver(String chargeType) {
        return "waiver:" + chargeType;
    }

    /**
     * What a trader paid back to buyers from their own account (a cancelled order's refund): the refund's debit
     * on {@link #trader} lowers the takings, this account shows how much went back.
     */
    public static String refunds(UUID traderId) {
        return "refunds:" + traderId;
    }

    public static String cash() {
        return "cash";
    }

    /** The kind of an account name: the part before the colon ({@code receivable}, {@code clearing}, ...). */
    public static String kindOf(String account) {
        int colon = account.indexOf(':');
        return colon < 0 ? account : account.substring(0, colon);
    }
}
