package vn.cho40.outbox;

import java.util.List;

/** The Kafka topics of the facts, one per kind: consumers subscribe to what they need, a kind grows on its own. */
public final class Topics {

    public static final String PAYMENTS = "cho40.payments";
    public static final String BILLS = "cho40.bills";
    public static final String MARKETS = "cho40.markets";
    public static final String KPI = "cho40.kpi";
    public static final List<String> ALL = List.of(PAYMENTS, BILLS, MARKETS, KPI);

    /** Headers every record carries: the outbox row's id (what consumers deduplicate by) and the province. */
    public static final String EVENT_ID_HEADER = "cho40-event-id";
    public static final String PROVINCE_HEADER = "cho40-province";

    private Topics() {
    }
}
