package vn.cho40.market;

import java.time.LocalDate;

/**
 * What a person types to create or edit a market. Raw strings on purpose: every check, with a message
 * naming the field, happens in {@link MarketRules} so pages, API and imports say the same thing.
 */
public record MarketForm(
        String code,
        String name,
        String communeCode,
        String pre2025CommuneCode,
        String address,
        Integer marketClass,
        OperatorType operatorType,
        String operatorName,
        String collectionBankBin,
        String collectionAccountNo,
        String collectionAccountName,
        LocalDate plannedOn,
        Boolean freeWifi) {

    public static MarketForm empty() {
        return new MarketForm("", "", "", "", "", 3, OperatorType.BOARD, "", "", "", "", null, false);
    }

    static MarketForm of(Market m) {
        return new MarketForm(m.code(), m.name(), m.communeCode(), m.pre2025CommuneCode(), m.address(),
                m.marketClass(), m.operatorType(), m.operatorName(), m.collectionBankBin(), m.collectionAccountNo(),
                m.collectionAccountName(), m.plannedOn(), m.freeWifi());
    }
}
