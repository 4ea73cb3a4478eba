package vn.cho40.payment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        CODE_ON_OTHER_ACCOUNT, NO_BILL_CODE,
        /** Credited to a stall by a person, then undone: waits to be assigned right. */
        REVERSED
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
     * it (null: no market could be named); the code found, and warnings for boards either way. A settlement (a bill
     * or an order paid into the market's collection account) names its codes: the issuer settles them.
     */
    record Decision(Owner payee, Reason reason, UUID queueMarket, String code, List<Warning> warnings,
                    List<String> settles) {

        Decision(Owner payee, Reason reason, UUID queueMarket, String code, List<Warning> warnings) {
            this(payee, reason, queueMarket, code, warnings, List.of());
        }

        boolean matched() {
            return payee != null;
        }

        boolean settlement() {
            return !settles.isEmpty();
        }
    }

    /** As {@link #decide(Credit, List, PaymentCode.Found, Map)} with the target of at most one code. */
    static Decision decide(Credit credit, List<Owner> registered, PaymentCode.Found found,
                           Optional<PaymentCodes.Target> target) {
        return decide(credit, registered, found, target.map(t -> Map.of(t.code(), t)).orElse(Map.of()));
    }

    /**
     * @param registered the active registered accounts with the credit's number (any bank); a market's collection
     *        account is among them with no trader and no stall
     * @param found the payment code(s) in the structured reference or transfer text
     * @param targets what each code found was issued for, when some issuer knows it
     */
    static Decision decide(Credit credit, List<Owner> registered, PaymentCode.Found found,
                           Map<String, PaymentCodes.Target> targets) {
        List<Owner> atBank = credit.bin() == null ? registered
                : registered.stream().filter(o -> credit.bin().equals(o.bin())).toList();
        Owner receiver = atBank.size() == 1 ? atBank.getFirst() : null;
        // The queue of the market that owns the receiving account; else the market the payment came through.
        UUID queue = receiver != null ? receiver.marketId() : credit.marketId();
        List<Warning> warnings = new ArrayList<>(1);
        if (found instanceof PaymentCode.Found.Ambiguous(java.util.Set<String> codes)) {
            return severalBills(credit, registered, codes, targets)
                    .orElseGet(() -> new Decision(null, Reason.AMBIGUOUS_CODE, queue, null, warnings));
        }
        if (found instanceof PaymentCode.Found.One(String code)) {
            PaymentCodes.Target t = targets.get(code);
            if (t == null) {
                return new Decision(null, Reason.UNKNOWN_CODE, queue, code, warnings);
            }
            boolean namedElsewhere = credit.marketId() != null && !credit.marketId().equals(t.marketId());
            if (!reachedCodeAccount(credit, registered, t) || namedElsewhere) {
                warnings.add(new Warning(Warning.Kind.CODE_ON_OTHER_ACCOUNT, t.marketId(), t.stallId(), code,
                        t.amountVnd()));
                return new Decision(null, Reason.CODE_ON_OTHER_ACCOUNT, queue, code, warnings);
            }
            if (t.revoked()) {
                return new Decision(null, Reason.REVOKED_CODE, t.marketId(), code, warnings);
            }
            Owner payee = new Owner(t.accountId(), t.traderId(), t.marketId(), t.stallId(), t.bin());
            if (t.settles()) {
                // A bill may be paid in parts or with a little more: its issuer settles what came, no warning.
                return new Decision(payee, null, t.marketId(), code, warnings, List.of(code));
            }
            if (t.amountVnd() != null && t.amountVnd() != credit.amountVnd()) {
                warnings.add(new Warning(Warning.Kind.AMOUNT_DIFFERS, t.marketId(), t.stallId(), code, t.amountVnd()));
            }
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
        if (receiver.traderId() == null) {
            // The board's collection account: which bill it pays is for the cashier to say.
            return new Decision(null, Reason.NO_BILL_CODE, receiver.marketId(), null, warnings);
        }
        return new Decision(receiver, null, receiver.marketId(), null, warnings);
    }

    /**
     * One transfer naming several bills settles them all, when every code is a settling code of the same market
     * and the same account, and the money reached that account; anything else is for a person to untangle.
     */
    private static Optional<Decision> severalBills(Credit credit, List<Owner> registered, java.util.Set<String> codes,
                                                   Map<String, PaymentCodes.Target> targets) {
        List<PaymentCodes.Target> found = codes.stream().map(targets::get).toList();
        if (found.contains(null)) {
            return Optional.empty();
        }
        PaymentCodes.Target first = found.getFirst();
        boolean oneAccount = found.stream().allMatch(t -> t.settles() && !t.revoked()
                && t.marketId().equals(first.marketId()) && t.bin().equals(first.bin())
                && Arrays.equals(t.accountNumberHash(), first.accountNumberHash()));
        boolean namedElsewhere = credit.marketId() != null && !credit.marketId().equals(first.marketId());
        if (!oneAccount || namedElsewhere || !reachedCodeAccount(credit, registered, first)) {
            return Optional.empty();
        }
        List<String> sorted = codes.stream().sorted().toList(); // the issuer orders them by due date
        Owner payee = new Owner(first.accountId(), first.traderId(), first.marketId(), first.stallId(), first.bin());
        return Optional.of(new Decision(payee, null, first.marketId(), sorted.getFirst(), new ArrayList<>(), sorted));
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
