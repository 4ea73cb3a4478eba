package vn.cho40.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnit.Level;
import vn.cho40.bank.BankDirectory;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * Every rule a market's data must meet, checked all at once so the form shows every problem together.
 * Lookups are passed in as functions, which keeps the rules free of Spring and the database.
 */
final class MarketRules {

    static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,29}";

    private final Function<String, Optional<AdminUnit>> currentUnit;
    private final Function<String, Optional<AdminUnit>> pre2025Unit;
    private final BankDirectory banks;

    MarketRules(Function<String, Optional<AdminUnit>> currentUnit,
                Function<String, Optional<AdminUnit>> pre2025Unit, BankDirectory banks) {
        this.currentUnit = currentUnit;
        this.pre2025Unit = pre2025Unit;
        this.banks = banks;
    }

    /** A market's place, resolved: its 2025 commune and province, and its pre-2025 commune and district. */
    record Place(String communeCode, String provinceCode, String pre2025CommuneCode, String pre2025DistrictCode) {
    }

    static String normalizeCode(String code) {
        return code == null ? "" : SearchText.upperAscii(code).replace(' ', '-');
    }

    Place check(MarketForm form) {
        List<Violation> problems = new ArrayList<>();
        String code = normalizeCode(form.code());
        if (!code.matches(CODE_PATTERN)) {
            problems.add(Violation.of("code", "market.code.invalid"));
        }
        String name = SearchText.clean(form.name());
        if (name == null || name.length() < 2 || name.length() > 200) {
            problems.add(Violation.of("name", "market.name.invalid"));
        }
        if (form.marketClass() == null || form.marketClass() < 1 || form.marketClass() > 3) {
            problems.add(Violation.of("marketClass", "market.class.invalid"));
        }
        if (form.operatorType() == null) {
            problems.add(Violation.of("operatorType", "market.operator.required"));
        }
        Place place = checkPlace(form, problems);
        checkCollectionAccount(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return place;
    }

    private Place checkPlace(MarketForm form, List<Violation> problems) {
        String communeCode = blankToNull(form.communeCode());
        Optional<AdminUnit> commune = communeCode == null ? Optional.empty()
                : currentUnit.apply(communeCode).filter(u -> u.level() == Level.COMMUNE);
        if (commune.isEmpty()) {
            problems.add(Violation.of("communeCode", communeCode == null ? "market.commune.required"
                    : "market.commune.unknown", String.valueOf(communeCode)));
        }
        String oldCode = blankToNull(form.pre2025CommuneCode());
        Optional<AdminUnit> oldCommune = Optional.empty();
        if (oldCode != null) {
            oldCommune = pre2025Unit.apply(oldCode).filter(u -> u.level() == Level.COMMUNE);
            if (oldCommune.isEmpty()) {
                problems.add(Violation.of("pre2025CommuneCode", "market.pre2025.unknown", oldCode));
            }
        }
        if (commune.isEmpty()) {
            return null;
        }
        return new Place(commune.get().code(), commune.get().parentCode(),
                oldCommune.map(AdminUnit::code).orElse(null), oldCommune.map(AdminUnit::parentCode).orElse(null));
    }

    private void checkCollectionAccount(MarketForm form, List<Violation> problems) {
        String bin = blankToNull(form.collectionBankBin());
        String account = blankToNull(form.collectionAccountNo());
        if (bin == null && account == null) {
            return;
        }
        if (bin == null || banks.byBin(bin).isEmpty()) {
            problems.add(Violation.of("collectionBankBin", "market.bank.unknown", String.valueOf(bin)));
        }
        if (account == null || !account.matches("[0-9A-Za-z]{1,19}")) {
            problems.add(Violation.of("collectionAccountNo", "market.account.invalid"));
        }
        String holder = blankToNull(form.collectionAccountName());
        if (holder == null) {
            problems.add(Violation.of("collectionAccountName", "market.accountName.required"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Account holder names as banks show them: upper case without diacritics. */
    static String bankStyleName(String name) {
        String clean = blankToNull(name);
        return clean == null ? null : SearchText.fold(clean).toUpperCase(Locale.ROOT);
    }
}
