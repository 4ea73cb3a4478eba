/**
 * Market fees collected without cash: the rate book (each rate with its legal basis and dates), the stall facts a
 * bill needs, billing runs per market and period (preview, then issue all or nothing), bills that are facts (each with
 * its number, due date, payment code and VietQR to the board's collection account), and their settlement by the
 * transfers the payments module receives (through its {@code PaymentCodes} port). Issuing posts receivables to the
 * ledger; payments clear them; an e-invoice is asked for each payment. The rate choice and line arithmetic are pure.
 */
package vn.cho40.billing;
