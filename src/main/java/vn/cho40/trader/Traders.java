package vn.cho40.trader;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.audit.AuditLog;
import vn.cho40.bank.Bank;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.PhoneNumber;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * Traders, their receiving accounts and leases. Personal numbers are encrypted before they reach SQL and
 * decrypted only in {@link #reveal}, which is audited. Callers pass markets they have already checked.
 */
@Service
public class Traders {

    /** The version of the consent text (Decree 13/2023) a trader agrees to; see i18n key consent.text. */
    public static final String CONSENT_VERSION = "ND13-2023-v1";
    private static final int MAX_RESULTS = 100;

    private final TraderRepository repository;
    private final FieldCipher cipher;
    private final AdminUnits adminUnits;
    private final Markets markets;
    private final Stalls stalls;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Traders(TraderRepository repository, FieldCipher cipher, AdminUnits adminUnits, Markets markets, Stalls stalls,
            Access access, AuditLog audit, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.cipher = cipher;
        this.adminUnits = adminUnits;
        this.markets = markets;
        this.stalls = stalls;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewTrader(String fullName, String idNumber, LocalDate birthDate, String phone, String taxCode,
                            boolean consent) {
    }

    public record NewAccount(ReceivingAccount.Kind kind, String bin, String accountNo, String holderName,
                             String confirmReason) {
    }

    /** Personal numbers in full: only through {@link #reveal}, never in lists. */
    public record Revealed(String idNumber, String phone, List<String> accountNumbers) {
    }

    /** Every problem with a new trader, without saving anything. */
    public List<Violation> check(NewTrader n) {
        List<Violation> problems = new ArrayList<>();
        String name = SearchText.clean(n.fullName());
        if (name == null || name.length() < 2 || name.length() > 100 || !name.matches("[\\p{L} .'-]+")) {
            problems.add(Violation.of("fullName", "trader.name.invalid"));
        }
        LocalDate today = LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM));
        if (n.birthDate() == null || n.birthDate().isAfter(today.minusYears(15))
                || n.birthDate().isBefore(today.minusYears(110))) {
            problems.add(Violation.of("birthDate", "trader.birthDate.invalid"));
        }
        problems.addAll(CitizenId.check(n.idNumber(), n.birthDate(), provinceCodes()));
        Optional<String> phone = PhoneNumber.normalize(n.phone());
        if (phone.isEmpty()) {
            problems.add(Violation.of("phone", "trader.phone.invalid"));
        }
        if (n.taxCode() != null && !n.taxCode().isBlank() && !n.taxCode().strip().matches("[0-9]{10}(-?[0-9]{3})?")) {
            problems.add(Violation.of("taxCode", "trader.taxCode.invalid"));
        }
        if (!n.consent()) {
            problems.add(Violation.of("consent", "trader.consent.required"));
        }
        if (problems.stream().noneMatch(v -> v.field().equals("idNumber"))
                && repository.idTaken(cipher.index("id_number", CitizenId.digits(n.idNumber())))) {
            problems.add(Violation.of("idNumber", "trader.cccd.taken"));
        }
        if (phone.isPresent() && repository.phoneTaken(cipher.index("phone", phone.get()))) {
            problems.add(Violation.of("phone", "trader.phone.taken"));
        }
        return problems;
    }

    @Transactional
    public Trader create(Market market, NewTrader n) {
        List<Violation> problems = check(n);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        String id = CitizenId.digits(n.idNumber());
        String phone = PhoneNumber.normalize(n.phone()).orElseThrow();
        String name = SearchText.clean(n.fullName());
        UUID traderId = Ids.newId(clock);
        repository.insert(new TraderRepository.NewRow(traderId, market.id(), name, SearchText.fold(name),
                CitizenId.kind(id), cipher.encrypt("id_number", id), cipher.index("id_number", id), Mask.last4Of(id),
                n.birthDate(), cipher.encrypt("phone", phone), cipher.index("phone", phone), Mask.last4Of(phone),
                n.taxCode() == null || n.taxCode().isBlank() ? null : n.taxCode().strip(), now, CONSENT_VERSION, now,
                actor()));
        audit.record("TRADER_CREATE", "trader", traderId, market.id(), market.provinceCode(),
                "đồng ý điều khoản " + CONSENT_VERSION);
        return repository.find(traderId).orElseThrow();
    }

    /** A trader inside the current user's scope, or not found. */
    public Trader get(UUID id, Permission permission) {
        Trader t = (id == null ? Optional.<Trader>empty() : repository.find(id)).orElseThrow(() -> notFound(id));
        checkScope(t, permission);
        return t;
    }

    /** Whether the current user may act on this trader with {@code permission} (for choices, not for guards). */
    public boolean visible(UUID id, Permission permission) {
        try {
            get(id, permission);
            return true;
        } catch (NotFoundException | vn.cho40.shared.AccessDenied e) {
            return false;
        }
    }

    public List<Trader> search(String query) {
        CurrentUser user = access.requirePermission(Permission.TRADER_READ);
        return repository.search(user.scope().sql(), SearchText.words(query, 6), MAX_RESULTS);
    }

    public Optional<Trader> findByPhone(String phone) {
        return PhoneNumber.normalize(phone).flatMap(p -> repository.findByPhoneHash(cipher.index("phone", p)));
    }

    public Optional<Trader> findByIdNumber(String idNumber) {
        return repository.findByIdHash(cipher.index("id_number", CitizenId.digits(idNumber)));
    }

    /** Decrypts a trader's numbers for someone allowed to see them, and writes that to the audit log. */
    @Transactional
    public Revealed reveal(UUID traderId) {
        Trader t = get(traderId, Permission.PERSONAL_DATA_UNMASK);
        TraderRepository.Secrets s = repository.secrets(traderId);
        List<String> accounts = repository.accountSecrets(traderId).stream()
                .map(enc -> cipher.decrypt("account", enc)).toList();
        Market home = markets.findById(t.marketId()).orElseThrow();
        audit.record("PERSONAL_DATA_READ", "trader", traderId, t.marketId(), home.provinceCode(),
                "số giấy tờ, số điện thoại, " + accounts.size() + " số tài khoản");
        return new Revealed(cipher.decrypt("id_number", s.idEnc()), cipher.decrypt("phone", s.phoneEnc()), accounts);
    }

    /** The decrypted phone for sending a code; not shown to anyone, so not an audited read. */
    String phoneForSms(UUID traderId) {
        return cipher.decrypt("phone", repository.secrets(traderId).phoneEnc());
    }

    @Transactional
    public void markPhoneVerified(UUID traderId) {
        Trader t = get(traderId, Permission.TRADER_EDIT);
        repository.markPhoneVerified(traderId, clock.instant());
        audit.record("TRADER_PHONE_VERIFIED", "trader", traderId, t.marketId(), null, null);
    }

    @Transactional
    public ReceivingAccount addAccount(UUID traderId, NewAccount a) {
        return register(get(traderId, Permission.TRADER_EDIT), a);
    }

    /** An account's fields as checked and normalized: the number without spaces, the holder in bank style. */
    record CheckedAccount(ReceivingAccount.Kind kind, Bank bank, String number, String holder, boolean matches,
                          String reason) {
    }

    /**
     * Every problem with an account for this trader. A holder name that differs from the trader's needs a
     * reason of at least 5 characters only when {@code staffConfirms}: a trader's own request leaves that to staff.
     */
    CheckedAccount checkAccount(Trader t, NewAccount a, boolean staffConfirms) {
        List<Violation> problems = new ArrayList<>();
        Optional<Bank> bank = BankDirectory.shipped().byBin(a.bin());
        ReceivingAccount.Kind kind = a.kind() != null ? a.kind()
                : bank.map(b -> b.kind() == Bank.Kind.WALLET ? ReceivingAccount.Kind.WALLET : ReceivingAccount.Kind.BANK)
                        .orElse(ReceivingAccount.Kind.BANK);
        if (bank.isEmpty()) {
            problems.add(Violation.of("bin", "account.bin.unknown", String.valueOf(a.bin())));
        } else if ((bank.get().kind() == Bank.Kind.WALLET) != (kind == ReceivingAccount.Kind.WALLET)) {
            problems.add(Violation.of("bin", "account.bin.kind", bank.get().shortName()));
        }
        String number = a.accountNo() == null ? "" : a.accountNo().replaceAll("[\\s.\\-]", "");
        if (kind == ReceivingAccount.Kind.WALLET) {
            // A wallet's account is the owner's phone number.
            number = number.isEmpty() ? phoneForSms(t.id()) : PhoneNumber.normalize(number).orElse("");
            if (number.isEmpty()) {
                problems.add(Violation.of("accountNo", "account.wallet.phone"));
            }
        } else if (!number.matches("[0-9A-Za-z]{4,19}")) {
            problems.add(Violation.of("accountNo", "account.number.invalid"));
        }
        String holder = HolderName.bankStyle(a.holderName() == null || a.holderName().isBlank() ? t.fullName()
                : a.holderName());
        boolean matches = HolderName.matches(holder, t.fullName());
        String reason = a.confirmReason() == null ? null : a.confirmReason().strip();
        if (staffConfirms && !matches && (reason == null || reason.length() < 5)) {
            problems.add(Violation.of("holderName", "account.holder.mismatch", holder,
                    HolderName.bankStyle(t.fullName())));
        }
        if (problems.isEmpty() && repository.accountTaken(a.bin(), cipher.index("account", a.bin() + ":" + number))) {
            problems.add(Violation.of("accountNo", "account.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CheckedAccount(kind, bank.orElseThrow(), number, holder, matches, reason);
    }

    /** Saves a receiving account for a trader the caller has already checked with TRADER_EDIT. */
    @Transactional
    ReceivingAccount register(Trader t, NewAccount a) {
        CheckedAccount c = checkAccount(t, a, true);
        UUID id = Ids.newId(clock);
        repository.insertAccount(new TraderRepository.AccountRow(id, t.marketId(), t.id(), c.kind(), c.bank().bin(),
                cipher.encrypt("account", c.number()), cipher.index("account", c.bank().bin() + ":" + c.number()),
                Mask.last4Of(c.number()), c.holder(), c.matches(), c.matches() ? null : actor(),
                c.matches() ? null : c.reason(), clock.instant()), cipher.index("account_number", c.number()));
        audit.record("ACCOUNT_ADD", "receiving_account", id, t.marketId(), null,
                c.bank().shortName() + (c.matches() ? "" : "; xác nhận tên chủ tài khoản khác: " + c.reason()));
        return repository.accounts(t.id()).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** Gives the trader a stall from a date; the account (if any) becomes the stall's default for its QR. */
    @Transactional
    public Lease lease(UUID traderId, Market market, String stallCode, LocalDate startsOn, UUID accountId) {
        get(traderId, Permission.TRADER_EDIT);
        Stall stall = stalls.find(market, stallCode).orElseThrow(() ->
                new InvalidInputException(Violation.of("stallCode", "lease.stall.unknown", stallCode)));
        Optional<UUID> holder = repository.openLeaseOn(stall.id());
        if (holder.isPresent()) {
            throw new InvalidInputException(Violation.of("stallCode", holder.get().equals(traderId)
                    ? "lease.stall.alreadyYours" : "lease.stall.taken", stall.code()));
        }
        LocalDate start = startsOn != null ? startsOn : LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM));
        // Two leases of one stall never overlap: the stall's bills would charge both traders for the same days.
        Optional<LocalDate> lastEnd = repository.lastLeaseEnd(stall.id());
        if (lastEnd.isPresent() && !start.isAfter(lastEnd.get())) {
            throw new InvalidInputException(Violation.of("startsOn", "lease.stall.overlap", stall.code(),
                    vn.cho40.shared.VnFormats.date(lastEnd.get())));
        }
        if (accountId != null) {
            Optional<ReceivingAccount> account = repository.accounts(traderId).stream()
                    .filter(a -> a.id().equals(accountId)).findFirst();
            if (account.isEmpty()) {
                throw new InvalidInputException(Violation.of("accountId", "lease.account.notOwn"));
            }
            if (!account.get().active()) {
                // An account waiting for review gets no sign: choosing it would leave the stall without a QR.
                throw new InvalidInputException(Violation.of("accountId", "lease.account.notActive"));
            }
        }
        UUID id = Ids.newId(clock);
        repository.insertLease(id, market.id(), stall.id(), traderId, start, clock.instant());
        if (accountId != null) {
            repository.setDefaultAccount(stall.id(), market.id(), accountId, clock.instant());
        }
        events.publishEvent(new StallAccountChanged(market.id(), List.of(stall.id())));
        audit.record("LEASE_START", "lease", id, market.id(), market.provinceCode(), stall.code());
        return repository.leases(traderId).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * A stall of the trader's own market, as a board's form gives it: the date as typed (today when blank), the
     * account optional. Every problem is named on its field.
     */
    @Transactional
    public Lease leaseAtHome(UUID traderId, String stallCode, String startsOn, String accountId) {
        Trader t = get(traderId, Permission.TRADER_EDIT);
        List<Violation> problems = new ArrayList<>();
        LocalDate start = formDate(startsOn, "startsOn", problems);
        UUID account = null;
        if (accountId != null && !accountId.isBlank()) {
            try {
                account = UUID.fromString(accountId.strip());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.of("accountId", "lease.account.notOwn"));
            }
        }
        if (stallCode == null || stallCode.isBlank()) {
            problems.add(Violation.of("stallCode", "lease.stall.missing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Market home = markets.findById(t.marketId()).orElseThrow(() -> notFound(traderId));
        return lease(traderId, markets.forStaff(home.code(), Permission.TRADER_EDIT), stallCode.strip(), start, account);
    }

    /** Ends a lease from a board's form: a date must be given (ending is not undone, so nothing is assumed). */
    @Transactional
    public Lease endLease(UUID traderId, UUID leaseId, String endsOn) {
        List<Violation> problems = new ArrayList<>();
        LocalDate end = formDate(endsOn, "endsOn", problems);
        if (end == null && problems.isEmpty()) {
            problems.add(Violation.of("endsOn", "lease.endsOn.missing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return endLease(traderId, leaseId, end);
    }

    /** A date typed in a form (yyyy-MM-dd from a date field, or dd/MM/yyyy), null when blank. */
    private static LocalDate formDate(String text, String field, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<LocalDate> date = vn.cho40.shared.VnFormats.parseDate(text);
        if (date.isEmpty()) {
            problems.add(Violation.of(field, "lease.date.invalid", text.strip()));
        }
        return date.orElse(null);
    }

    /** The stalls of the trader's own market nobody leases today (an end date is a leased day), in walking order. */
    public List<String> freeStalls(UUID traderId) {
        Trader t = get(traderId, Permission.TRADER_READ);
        return repository.freeStallCodes(t.marketId(), LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM)));
    }

    /** Ends a lease on a date; the stall becomes free and its QR code is revoked with it. */
    @Transactional
    public Lease endLease(UUID traderId, UUID leaseId, LocalDate endsOn) {
        get(traderId, Permission.TRADER_EDIT);
        Lease lease = repository.leases(traderId).stream().filter(l -> l.id().equals(leaseId)).findFirst()
                .orElseThrow(() -> new NotFoundException("lease.notFound", leaseId));
        Market market = markets.findById(lease.marketId()).orElseThrow();
        access.check(Markets.place(market), Permission.TRADER_EDIT, "lease.notFound", leaseId);
        if (lease.endsOn() != null) {
            throw new InvalidInputException(Violation.of("endsOn", "lease.alreadyEnded",
                    vn.cho40.shared.VnFormats.date(lease.endsOn())));
        }
        LocalDate end = endsOn != null ? endsOn : LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM));
        if (end.isBefore(lease.startsOn())) {
            throw new InvalidInputException(Violation.of("endsOn", "lease.endBeforeStart",
                    vn.cho40.shared.VnFormats.date(lease.startsOn())));
        }
        repository.endLease(leaseId, end);
        events.publishEvent(new StallAccountChanged(market.id(), List.of(lease.stallId())));
        audit.record("LEASE_END", "lease", leaseId, market.id(), market.provinceCode(), lease.stallCode());
        return repository.leases(traderId).stream().filter(l -> l.id().equals(leaseId)).findFirst().orElseThrow();
    }

    /** Points a leased stall's QR at another of the trader's accounts; the stall's old code gets revoked. */
    @Transactional
    public void setDefaultAccount(UUID traderId, Market market, String stallCode, UUID accountId) {
        get(traderId, Permission.TRADER_EDIT);
        Lease lease = repository.leases(traderId).stream()
                .filter(l -> l.endsOn() == null && l.marketId().equals(market.id())
                        && l.stallCode().equals(vn.cho40.shared.SearchText.upperAscii(stallCode).replace(' ', '-')))
                .findFirst().orElseThrow(() -> new InvalidInputException(
                        Violation.of("stallCode", "lease.stall.notYours", stallCode)));
        if (repository.accounts(traderId).stream().noneMatch(a -> a.id().equals(accountId))) {
            throw new InvalidInputException(Violation.of("accountId", "lease.account.notOwn"));
        }
        repository.setDefaultAccount(lease.stallId(), market.id(), accountId, clock.instant());
        events.publishEvent(new StallAccountChanged(market.id(), List.of(lease.stallId())));
        audit.record("DEFAULT_ACCOUNT", "stall", lease.stallCode(), market.id(), market.provinceCode(),
                "đổi tài khoản nhận tiền của quầy");
    }

    public List<ReceivingAccount> accounts(UUID traderId) {
        return repository.accounts(traderId);
    }

    public List<Lease> leases(UUID traderId) {
        return repository.leases(traderId);
    }

    public Set<String> marketCodes(UUID traderId) {
        return repository.marketCodes(traderId);
    }

    private void checkScope(Trader t, Permission permission) {
        CurrentUser user = access.current().orElse(null);
        if (user == null) {
            throw notFound(t.id());
        }
        if (user.traderId() != null) {
            // A trader sees their own record through their app (OWN_DATA) and nothing through the staff API:
            // no adding accounts, confirming a name mismatch or revealing numbers, not even for themselves.
            if (permission != Permission.OWN_DATA) {
                throw new vn.cho40.shared.AccessDenied(String.valueOf(permission));
            }
            if (!user.traderId().equals(t.id())) {
                throw notFound(t.id());
            }
            return;
        }
        boolean inScope = repository.marketCodes(t.id()).stream().map(markets::find).flatMap(Optional::stream)
                .anyMatch(m -> user.scope().covers(Markets.place(m)));
        if (!inScope) {
            throw notFound(t.id());
        }
        if (permission != null && !user.may(permission)) {
            throw new vn.cho40.shared.AccessDenied(permission.name());
        }
    }

    private Set<String> provinceCodes() {
        return adminUnits.provinces(Regime.PRE_2025).stream().map(AdminUnit::code).collect(Collectors.toSet());
    }

    private String actor() {
        return access.current().map(CurrentUser::username).orElse("system");
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("trader.notFound", id);
    }
}
