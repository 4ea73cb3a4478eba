package vn.cho40.rollout;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

/**
 * A figure per market and month that another module records and the rollout reads: fees collected by transfer,
 * e-invoices issued, salaries paid by transfer, local products online. The module that records it implements this
 * port, so the rollout never reads its tables; while no module answers a key, its indicator shows "not yet
 * recorded", never a made-up zero.
 */
public interface MarketFigures {

    /** Fees and charges of the month paid by transfer, in đồng. */
    String FEES_CASHLESS_VND = "fees.cashless_vnd";
    /** Fees and charges of the month paid by any means, in đồng. */
    String FEES_TOTAL_VND = "fees.total_vnd";
    /** E-invoices and e-receipts issued in the month. */
    String EINVOICES_ISSUED = "einvoices.issued";
    /** 1 when the board paid the month's salaries by transfer. */
    String PAYROLL_BY_TRANSFER = "payroll.by_transfer";
    /** Local products with a recorded listing or a live feed item at the end of the month. */
    String PRODUCTS_ONLINE = "products.online";

    /** Which figure this answers: one of the keys above. */
    String key();

    /** The figure of every market of the province (every province when null) that has one; absent means 0. */
    Map<UUID, Long> perMarket(String provinceCode, YearMonth month);
}
