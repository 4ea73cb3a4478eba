package vn.cho40.teams;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.cho40.identity.Scope;
import vn.cho40.rollout.UnitSeries;

/** The teams' monthly results for the rollout dashboard: people helped, traders onboarded, and of those, active. */
@Component
class TeamSeries implements UnitSeries {

    static final String HELPED = "teams.helped";
    static final String ONBOARDED = "teams.onboarded";
    static final String ACTIVE = "teams.active";

    private final TeamResults results;

    TeamSeries(TeamResults results) {
        this.results = results;
    }

    @Override
    public Map<String, Map<YearMonth, Long>> monthly(String provinceCode, String communeCode, YearMonth from,
                                                     YearMonth to) {
        Scope scope = communeCode != null ? Scope.of(Scope.Kind.COMMUNE, communeCode)
                : provinceCode != null ? Scope.of(Scope.Kind.PROVINCE, provinceCode) : Scope.national();
        Map<YearMonth, Long> helped = new LinkedHashMap<>();
        Map<YearMonth, Long> onboarded = new LinkedHashMap<>();
        Map<YearMonth, Long> active = new LinkedHashMap<>();
        for (TeamResults.Row r : results.results(scope, TeamResults.Level.PROVINCE, from, to)) {
            helped.merge(r.month(), r.helped(), Long::sum);
            onboarded.merge(r.month(), r.onboarded(), Long::sum);
            active.merge(r.month(), r.becameActive(), Long::sum);
        }
        return Map.of(HELPED, helped, ONBOARDED, onboarded, ACTIVE, active);
    }
}
