package vn.cho40.trader;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/**
 * A trader asks for a new receiving account in the app; staff of the trader's market with TRADER_EDIT confirm
 * or refuse it. Until confirmed it is only a request: no payment is matched to it and no sign prints it, so a
 * trader alone can never point money at an account in someone else's name.
 */
@Service
public class AccountRequests {

    static final int MAX_PENDING = 3;
    private static final int MAX_NOTE = 200;

    private final AccountRequestRepository repository;
    private final Traders traders;
    private final FieldCipher cipher;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    AccountRequests(AccountRequestRepository repository, Traders traders, FieldCipher cipher, Access access,
                    AuditLog audit, Clock clock) {
        this.repository = repository;
        this.traders = traders;
        this.cipher = cipher;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in trader asks for an account; checked like a staff entry except for the name reason. */
    @Transactional
    public AccountRequest request(String bin, String accountNo, String holderName, String note) {
        Trader t = traders.get(me().traderId(), Permission.OWN_DATA);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new InvalidInputException(Violation.of("note", "accountRequest.noteTooLong"));
        }
        Traders.CheckedAccount c = traders.checkAccount(t,
                new Traders.NewAccount(null, bin, accountNo, holderName, null), false);
        byte[] hash = cipher.index("account", c.bank().bin() + ":" + c.number());
        if (repository.pendingExists(t.id(), c.bank().bin(), hash)) {
            throw new InvalidInputException(Violation.of("accountNo", "accountRequest.duplicate"));
        }
        if (repository.ofTrader(t.id(), true).size() >= MAX_PENDING) {
            throw new InvalidInputException(Violation.of("accountNo", "accountRequest.tooMany", MAX_PENDING));
        }
        UUID id = Ids.newId(clock);
        repository.insert(new AccountRequestRepository.NewRow(id, t.marketId(), t.id(), c.kind(), c.bank().bin(),
                cipher.encrypt("account", c.number()), hash, Mask.last4Of(c.number()), c.holder(), c.matches(),
                cleanNote, clock.instant()));
        audit.record("ACCOUNT_REQUEST", "receiving_account_request", id, t.marketId(), null,
                c.bank().shortName() + (c.matches() ? "" : "; holder name differs"));
        return repository.ofTrader(t.id(), false).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** The signed-in trader's own requests, newest first. */
    public List<AccountRequest> mine() {
        return repository.ofTrader(me().traderId(), false);
    }

    /** Requests of a trader still waiting, for staff who may read the trader. */
    public List<AccountRequest> pending(UUID traderId) {
        traders.get(traderId, Permission.TRADER_READ);
        return repository.ofTrader(traderId, true);
    }

    /**
     * Creates the receiving account the trader asked for, through the same checks as a staff entry (a holder
     * name that differs from the trader's needs the confirming staff member's reason), and closes the request.
     */
    @Transactional
    public ReceivingAccount confirm(UUID traderId, UUID requestId, String reason) {
        Trader t = traders.get(traderId, Permission.TRADER_EDIT);
        AccountRequest r = repository.lockPending(traderId, requestId)
                .orElseThrow(() -> new NotFoundException("accountRequest.notFound", requestId));
        String number = cipher.decrypt("account", repository.accountEnc(r.id()));
        ReceivingAccount account = traders.register(t, new Traders.NewAccount(r.kind(), r.bin(), number,
                r.holderName(), reason));
        String by = access.require().username();
        repository.decide(r.id(), AccountRequest.Status.CONFIRMED, by, clock.instant(),
                reason == null || reason.isBlank() ? null : reason.strip(), account.id());
        audit.record("ACCOUNT_REQUEST_CONFIRM", "receiving_account_request", r.id(), r.marketId(), null,
                "account " + account.id() + (r.nameMatches() ? "" : "; name confirmed: " + reason.strip()));
        return account;
    }

    @Transactional
    public void refuse(UUID traderId, UUID requestId, String reason) {
        traders.get(traderId, Permission.TRADER_EDIT);
        AccountRequest r = repository.lockPending(traderId, requestId)
                .orElseThrow(() -> new NotFoundException("accountRequest.notFound", requestId));
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5) {
            throw new InvalidInputException(Violation.of("reason", "accountRequest.refuseReason.required"));
        }
        repository.decide(r.id(), AccountRequest.Status.REFUSED, access.require().username(), clock.instant(), why,
                null);
        audit.record("ACCOUNT_REQUEST_REFUSE", "receiving_account_request", r.id(), r.marketId(), null, why);
    }

    private CurrentUser me() {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        if (me.traderId() == null) {
            throw new vn.cho40.shared.AccessDenied(Permission.OWN_DATA.name());
        }
        return me;
    }
}
