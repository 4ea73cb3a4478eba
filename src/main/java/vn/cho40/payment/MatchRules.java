package vn.cho40.payment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.cho40.shared.PaymentCode;
import vn.cho40.trader.StallAccounts.Owner;

/**
 * Who a credit belongs to: the owner of the account the money reached, or nobody. A payment code only says
 * which of that owner's stalls (or, later, which bill) it pays; it never moves money to another account's owner.
 * A scammer's look-alike QR (their own account, a victim stall's code in the transfer text) therefore credits
 * nobody: the payment waits in the queue of the market that owns the receiving account, and the code owner's board
 * is warned to inspect that stall's sign. Pure logic: the matcher gathers the facts, this decides.
 */
final class MatchRules {

    private MatchRules() {
    }

    /** Why a credit waits for a person. */
    enum Reason {
        UNKNOWN_ACCOUNT, AMBIGUOUS_ACCOUNT, OTHER_MARKET, UNKNOWN_CODE, AMBIGUOUS_CODE, REVOKED_CODE,
        CODE_ON_OTHER_ACCOUNT
    }

    /** What a board should look at: a code of its stall paid elsewhere, or a dynamic code paid another amount. */
    record Warning(Kind kind, UUID marketId, UUID stallId, String code, Long expectedVnd) {
        enum Kind { CODE_ON_OTHER_ACCOUNT, AMOUNT_DIFFERS }
    }

    /** The facts of one credit: where the money went (number hash, bank if named, market if named) and how much. */
    record Credit(byte[] accountHash, String bin, UUID marketId, long amountVnd) {
    }

    /**
     * The decision: a payee (market, stall, trader) when matched, else the reason and the market whose queue gets
     * it (null: no market could be named); the code found, and warnings for boards either way.
     */
    record Decision(Owner payee, Reason reason, UUID queueMarket, String code, List<Warning> warnings) {
        boolean matched() {
            return payee != null;
        }
    }

    /**
     * @param registered the active registered accounts with the credit's number (any bank)
     * @param found the payment code in the structured reference or transfer text
     * @param target what the code was issued for, when some issuer knows it
     */
    static Decision decide(Credit credit, List<Owner> registered, PaymentCode.Found found,
                           Optional<PaymentCodes.Target> target) {
        List<Owner> atBank = credit.bin() == null ? registered
                : registered.stream().filter(o -> credit.bin().equals(o.bin())).toList();
        Owner receiver = atBank.size() == 1 ? atBank.getFirst() : null;
        // The queue of the market that owns the receiving account; else the market the payment came through.
        UUID queue = receiver != null ? receiver.marketId() : credit.marketId();
        List<Warning> warnings = new ArrayList<>(1);
        if (found instanceof PaymentCode.Found.Ambiguous) {
            return new Decision(null, Reason.AMBIGUOUS_CODE, queue, null, warnings);
        }
        if (found instanceof PaymentCode.Found.One(String code)) {
            if (target.isEmpty()) {
                return new Decision(null, Reason.UNKNOWN_CODE, queue, code, warnings);
            }
            PaymentCodes.Target t = target.get();
            boolean namedElsewhere = credit.marketId() != null && !credit.marketId().equals(t.marketId());
            if (!reachedCodeAccount(credit, registered, t) || namedElsewhere) {
                warnings.add(new Warning(Warning.Kind.CODE_ON_OTHER_ACCOUNT, t.marketId(), t.stallId(), code,
                        t.amountVnd()));
                return new Decision(null, Reason.CODE_ON_OTHER_ACCOUNT, queue, code, warnings);
            }
            if (t.revoked()) {
                return new Decision(null, Reason.REVOKED_CODE, t.marketId(), code, warnings);
            }
            if (t.amountVnd() != null && t.amountVnd() != credit.amountVnd()) {
                warnings.add(new Warning(Warning.Kind.AMOUNT_DIFFERS, t.marketId(), t.stallId(), code, t.amountVnd()));
            }
            Owner payee = new Owner(t.accountId(), t.traderId(), t.marketId(), t.stallId(), t.bin());
            return new Decision(payee, null, t.marketId(), code, warnings);
        }
        if (atBank.size() > 1) {
            return new Decision(null, Reason.AMBIGUOUS_ACCOUNT, credit.marketId(), null, warnings);
        }
        if (receiver == null) {
            return new Decision(null, Reason.UNKNOWN_ACCOUNT, queue, null, warnings);
        }
        if (credit.marketId() != null && !credit.marketId().equals(receiver.marketId())) {
            // A market's own provider key (or its statement) speaks only for that market's accounts.
            return new Decision(null, Reason.OTHER_MARKET, credit.marketId(), null, warnings);
        }
        return new Decision(receiver, null, receiver.marketId(), null, warnings);
    }

    /**
     * Whether the money reached the account the code was issued for: the same number, at the same bank when the
     * payment names its bank; when it does not, no other bank may hold a registered account with that number.
     */
    private static boolean reachedCodeAccount(Credit credit, List<Owner> registered, PaymentCodes.Target t) {
        if (!Arrays.equals(credit.accountHash(), t.accountNumberHash())) {
            return false;
        }
        if (credit.bin() != null) {
            return credit.bin().equals(t.bin());
        }
        return registered.stream().allMatch(o -> t.bin().equals(o.bin()));
    }
}
