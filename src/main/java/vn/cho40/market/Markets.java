package vn.cho40.market;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.bank.BankDirectory;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/** Creating, editing and finding markets, and moving them through the Chợ 4.0 rollout. */
@Service
public class Markets {

    static final int MAX_SEARCH_RESULTS = 100;
    private static final int MAX_QUERY_WORDS = 8;

    private final MarketRepository repository;
    private final AdminUnits adminUnits;
    private final MarketRules rules;
    private final Clock clock;
    private final vn.cho40.identity.Access access;

    private final vn.cho40.audit.AuditLog audit;

    /** Status changes are published for the national service (markets live), in their transaction. */
    private final vn.cho40.outbox.Outbox outbox;

    /** A market of a province another cell holds is refused: its rows would sit in the wrong database. */
    private final vn.cho40.cell.CellGuard cells;

    Markets(MarketRepository repository, AdminUnits adminUnits, Clock clock, vn.cho40.identity.Access access,
            vn.cho40.audit.AuditLog audit, vn.cho40.outbox.Outbox outbox, vn.cho40.cell.CellGuard cells) {
        this.outbox = outbox;
        this.cells = cells;
        this.access = access;
        this.audit = audit;
        this.repository = repository;
        this.adminUnits = adminUnits;
        this.rules = new MarketRules(code -> adminUnits.find(Regime.CURRENT, code),
                code -> adminUnits.find(Regime.PRE_2025, code), BankDirectory.shipped());
        this.clock = clock;
    }

    /** The market boards' collection accounts with these number hashes (for payments to find bills' money). */
    public List<CollectionAccount> collectionAccountsAt(java.util.Collection<byte[]> numberHashes) {
        return repository.collectionAccountsAt(numberHashes);
    }

    /** Markets saved before collection accounts were hashed get their hash at start. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Transactional
    void hashCollectionAccounts() {
        repository.hashCollectionAccounts();
    }

    @Transactional
    public Market create(MarketForm form, String by) {
        MarketRules.Place place = rules.check(form);
        cells.requireHeld("communeCode", place.provinceCode());
        String code = MarketRules.normalizeCode(form.code());
        if (repository.findByCode(code).isPresent()) {
            throw new InvalidInputException(Violation.of("code", "market.code.taken", code));
        }
        Instant now = clock.instant();
        LocalDate plannedOn = form.plannedOn() != null ? form.plannedOn() : VnFormats.businessDate(now);
        Market market = build(Ids.newId(clock), code, form, place, MarketStatus.PLANNED, plannedOn, null, null,
                now, now);
        try {
            repository.insert(market, searchKey(market));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("code", "market.code.taken", code));
        }
        repository.recordStatusChange(Ids.newId(clock), market.id(), null, MarketStatus.PLANNED, plannedOn, now, by);
        outbox.publish(new vn.cho40.outbox.Fact.MarketStatus(market.id(), MarketStatus.PLANNED.name(), plannedOn, now));
        audit.record("MARKET_CREATE", "market", market.code(), market.id(), market.provinceCode(), market.name());
        return market;
    }

    @Transactional
    public Market update(String code, MarketForm form) {
        Market current = repository.lockByCode(code).orElseThrow(() -> notFound(code));
        MarketRules.Place place = rules.check(new MarketForm(current.code(), form.name(), form.communeCode(),
                form.pre2025CommuneCode(), form.address(), form.marketClass(), form.operatorType(),
                form.operatorName(), form.collectionBankBin(), form.collectionAccountNo(),
                form.collectionAccountName(), form.plannedOn(), form.freeWifi()));
        requireMovableTo(current, place);
        cells.requireHeld("communeCode", place.provinceCode());
        Market updated = build(current.id(), current.code(), form, place, current.status(),
                form.plannedOn() != null ? form.plannedOn() : current.plannedOn(), current.onboardingOn(),
                current.liveOn(), current.createdAt(), clock.instant());
        repository.update(updated, searchKey(updated));
        audit.record("MARKET_UPDATE", "market", updated.code(), updated.id(), updated.provinceCode(), updated.name());
        return updated;
    }

    /** Moves a market one step on (planned → onboarding → live) from the given date. */
    @Transactional
    public Market changeStatus(String code, MarketStatus next, LocalDate effectiveOn, String by) {
        Market m = repository.lockByCode(code).orElseThrow(() -> notFound(code));
        if (next == null || !m.status().canMoveTo(next)) {
            throw new InvalidInputException(Violation.of("status", "market.status.transition", m.status(),
                    String.valueOf(next)));
        }
        LocalDate today = VnFormats.businessDate(clock.instant());
        LocalDate date = effectiveOn != null ? effectiveOn : today;
        LocalDate previous = m.status() == MarketStatus.PLANNED ? m.plannedOn() : m.onboardingOn();
        if (previous != null && date.isBefore(previous)) {
            throw new InvalidInputException(Violation.of("effectiveOn", "market.status.dateBefore",
                    VnFormats.date(previous)));
        }
        if (date.isAfter(today.plusYears(5))) {
            throw new InvalidInputException(Violation.of("effectiveOn", "market.status.dateTooLate"));
        }
        Instant now = clock.instant();
        Market moved = new Market(m.id(), m.code(), m.name(), m.provinceCode(), m.communeCode(),
                m.pre2025DistrictCode(), m.pre2025CommuneCode(), m.address(), m.marketClass(), m.operatorType(),
                m.operatorName(), m.collectionBankBin(), m.collectionAccountNo(), m.collectionAccountName(), next,
                m.plannedOn(), next == MarketStatus.ONBOARDING ? date : m.onboardingOn(),
                next == MarketStatus.LIVE ? date : m.liveOn(), m.freeWifi(), m.createdAt(), now);
        repository.update(moved, searchKey(moved));
        repository.recordStatusChange(Ids.newId(clock), m.id(), m.status(), next, date, now, by);
        outbox.publish(new vn.cho40.outbox.Fact.MarketStatus(m.id(), next.name(), date, now));
        audit.record("MARKET_STATUS", "market", m.code(), m.id(), m.provinceCode(), m.status() + " -> " + next);
        return moved;
    }

    public Optional<Market> find(String code) {
        return repository.findByCode(MarketRules.normalizeCode(code));
    }

    public Optional<Market> findById(java.util.UUID id) {
        return repository.findById(id);
    }

    public Market get(String code) {
        return find(code).orElseThrow(() -> notFound(code));
    }

    public MarketListing listing(String code) {
        return repository.listing(MarketRules.normalizeCode(code)).orElseThrow(() -> notFound(code));
    }

    public List<MarketListing> search(String query, String provinceCode) {
        return repository.search(SearchText.words(query, MAX_QUERY_WORDS), MarketRules.blankToNull(provinceCode),
                MAX_SEARCH_RESULTS);
    }

    /** Where a market is, for scope checks. */
    public static vn.cho40.identity.MarketPlace place(Market m) {
        return new vn.cho40.identity.MarketPlace(m.code(), m.communeCode(), m.provinceCode());
    }

    /**
     * A market for a staff request: outside a staff member's area {@link vn.cho40.shared.OutsideArea} (told so where
     * the address names the market, not found elsewhere), not found for anyone else outside their scope, refused
     * when the role may not do {@code permission} (null: reading is enough).
     */
    public Market forStaff(String code, vn.cho40.identity.Permission permission) {
        Market m = find(code).orElseThrow(() -> notFound(code));
        if (access.staffOutside(place(m))) {
            // Markets are public: where the address names this one, say it is outside the user's area.
            throw new vn.cho40.shared.OutsideArea("/markets/" + m.code(), "market.outsideArea", "market.notFound",
                    code, m.name());
        }
        access.check(place(m), permission, "market.notFound", code);
        return m;
    }

    /** Refuses to create a market outside the user's scope or without the right to edit markets. */
    public void requireCreatable(MarketForm form) {
        String commune = MarketRules.blankToNull(form.communeCode());
        String province = commune == null ? null
                : adminUnits.find(Regime.CURRENT, commune).map(AdminUnit::parentCode).orElse(null);
        if (province == null) {
            rules.check(form);
        }
        access.check(new vn.cho40.identity.MarketPlace(MarketRules.normalizeCode(form.code()), commune, province),
                vn.cho40.identity.Permission.MARKET_EDIT, "market.commune.unknown", commune);
    }

    /**
     * An edit may change the market's commune: the new place must lie inside the editor's scope too, or a
     * commune officer could hand a market (and its traders' personal data) to another province.
     */
    private void requireMovableTo(Market current, MarketRules.Place place) {
        vn.cho40.identity.CurrentUser user = access.require();
        if (!user.scope().covers(new vn.cho40.identity.MarketPlace(current.code(), place.communeCode(),
                place.provinceCode()))) {
            throw new InvalidInputException(Violation.of("communeCode", "market.commune.outsideScope",
                    place.communeCode()));
        }
        if (!user.may(vn.cho40.identity.Permission.MARKET_EDIT)) {
            throw new vn.cho40.shared.AccessDenied(vn.cho40.identity.Permission.MARKET_EDIT.name());
        }
    }

    /** Whether the current user (if any) may do {@code permission} on this market: for showing buttons. */
    /**
     * The market of a record opened by its id (a bill, a receipt, a document), for staff: outside the user's area
     * it is the record that is not found, so the answer neither confirms the id nor names another market.
     */
    public Market forStaffOf(java.util.UUID marketId, vn.cho40.identity.Permission permission,
                             java.util.function.Supplier<? extends RuntimeException> notFound) {
        Market m = findById(marketId).orElseThrow(notFound);
        if (access.current().filter(u -> u.scope().covers(place(m))).isEmpty()) {
            throw notFound.get();
        }
        return forStaff(m.code(), permission);
    }

    public boolean allows(Market m, vn.cho40.identity.Permission permission) {
        return access.current().filter(u -> u.scope().covers(place(m)) && u.may(permission)).isPresent();
    }

    public void requirePermission(vn.cho40.identity.Permission permission) {
        access.requirePermission(permission);
    }

    /** Markets of the user's scope, for staff lists and pickers. */
    public List<MarketListing> inScope(vn.cho40.identity.Scope scope) {
        return repository.inScope(scope.sql());
    }

    public List<StatusChange> history(Market market) {
        return repository.statusHistory(market.id());
    }

    private Market build(java.util.UUID id, String code, MarketForm form, MarketRules.Place place,
                         MarketStatus status, LocalDate plannedOn, LocalDate onboardingOn, LocalDate liveOn,
                         Instant createdAt, Instant updatedAt) {
        return new Market(id, code, SearchText.clean(form.name()), place.provinceCode(), place.communeCode(),
                place.pre2025DistrictCode(), place.pre2025CommuneCode(), MarketRules.blankToNull(SearchText.clean(form.address())),
                form.marketClass(), form.operatorType(), MarketRules.blankToNull(SearchText.clean(form.operatorName())),
                MarketRules.blankToNull(form.collectionBankBin()), MarketRules.blankToNull(form.collectionAccountNo()),
                MarketRules.bankStyleName(form.collectionAccountName()), status, plannedOn, onboardingOn, liveOn,
                Boolean.TRUE.equals(form.freeWifi()), createdAt, updatedAt);
    }

    private String searchKey(Market m) {
        String commune = adminUnits.find(Regime.CURRENT, m.communeCode()).map(AdminUnit::name).orElse("");
        String province = adminUnits.find(Regime.CURRENT, m.provinceCode()).map(AdminUnit::name).orElse("");
        return MarketRepository.searchKey(m.name(), commune, province, m.code());
    }

    static NotFoundException notFound(String code) {
        return new NotFoundException("market.notFound", code);
    }
}
