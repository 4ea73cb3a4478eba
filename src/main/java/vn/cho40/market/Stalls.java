package vn.cho40.market;

import vn.cho40.shared.RowProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** Stalls of a market: one at a time from a form, or many from a file with a preview first. */
@Service
public class Stalls {

    private final StallRepository repository;
    private final MarketRepository markets;
    private final Clock clock;

    private final vn.cho40.audit.AuditLog audit;

    Stalls(StallRepository repository, MarketRepository markets, Clock clock, vn.cho40.audit.AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.markets = markets;
        this.clock = clock;
    }

    public List<Stall> list(Market market, String zoneCode, GoodsCategory category) {
        return repository.list(market.id(), zoneCode == null || zoneCode.isBlank() ? null : zoneCode, category);
    }

    public java.util.Optional<Stall> find(Market market, String code) {
        String normalized = StallRules.normalizeCode(code);
        // "a1" typed on a phone finds A-1, when no other stall's code reads the same without separators.
        return repository.find(market.id(), normalized)
                .or(() -> normalized.isEmpty() ? java.util.Optional.empty()
                        : repository.findIgnoringSeparators(market.id(), normalized));
    }

    public List<Zone> zones(Market market) {
        return repository.zones(market.id());
    }

    public Map<GoodsCategory, Long> countByCategory(Market market) {
        return repository.countByCategory(market.id());
    }

    @Transactional
    public Stall add(String marketCode, String code, String zoneName, String category, String areaM2) {
        Market market = markets.lockByCode(MarketRules.normalizeCode(marketCode)).orElseThrow(() -> Markets.notFound(marketCode));
        List<RowProblem> problems = new ArrayList<>();
        StallDraft draft = StallRules.check(0, code, zoneName, category, areaM2, problems).orElse(null);
        if (draft != null && repository.existingCodes(market.id()).contains(draft.code())) {
            problems.add(RowProblem.of(0, "code", "stall.code.exists", draft.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new Violation(p.column(), p.messageKey(), p.args())).toList());
        }
        save(market, List.of(draft));
        audit.record("STALL_ADD", "stall", draft.code(), market.id(), market.provinceCode(), null);
        return repository.find(market.id(), draft.code()).orElseThrow();
    }

    /** Checks a whole file against the rules and the market's existing stalls. Saves nothing. */
    public StallImportPreview preview(String marketCode, String filename, byte[] content) {
        Market market = markets.findByCode(MarketRules.normalizeCode(marketCode)).orElseThrow(() -> Markets.notFound(marketCode));
        return check(market, StallFile.read(filename, content));
    }

    /**
     * Saves the file's stalls, all or none: the file is checked again inside the transaction (with the
     * market row locked) because other stalls may have been added since the preview.
     */
    @Transactional
    public int importAll(String marketCode, String filename, byte[] content) {
        Market market = markets.lockByCode(MarketRules.normalizeCode(marketCode)).orElseThrow(() -> Markets.notFound(marketCode));
        StallImportPreview preview = check(market, StallFile.read(filename, content));
        if (!preview.valid()) {
            throw new StallImportRejected(preview);
        }
        save(market, preview.rows());
        audit.record("STALL_IMPORT", "market", market.code(), market.id(), market.provinceCode(),
                preview.rows().size() + " quầy");
        return preview.rows().size();
    }

    private StallImportPreview check(Market market, List<StallFile.Line> lines) {
        List<RowProblem> problems = new ArrayList<>();
        List<StallDraft> drafts = new ArrayList<>();
        for (StallFile.Line line : lines) {
            StallRules.check(line.number(), line.code(), line.zone(), line.category(), line.area(), problems)
                    .ifPresent(drafts::add);
        }
        problems.addAll(StallRules.duplicates(drafts));
        Set<String> existing = repository.existingCodes(market.id());
        for (StallDraft d : drafts) {
            if (existing.contains(d.code())) {
                problems.add(RowProblem.of(d.line(), "code", "stall.code.exists", d.code()));
            }
        }
        if (lines.isEmpty()) {
            problems.add(RowProblem.of(0, "file", "import.file.noRows"));
        }
        problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
        return new StallImportPreview(market.code(), List.copyOf(drafts), List.copyOf(problems));
    }

    private void save(Market market, List<StallDraft> drafts) {
        Instant now = clock.instant();
        Map<String, UUID> zoneIds = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (StallDraft d : drafts) {
            UUID zoneId = zoneIds.computeIfAbsent(d.zoneCode(),
                    z -> repository.zoneId(market.id(), z, d.zoneName(), Ids.newId(clock)));
            rows.add(StallRepository.row(Ids.newId(clock), market.id(), zoneId, d, now));
        }
        repository.insertAll(rows);
    }
}
