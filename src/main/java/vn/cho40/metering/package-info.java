/**
 * Stalls' sub-meters (electricity, water) with serial numbers and replacement history, and their readings, taken
 * on a phone by the cashier walking the market, imported from a file or sent to the API. {@link ReadingRules} decides
 * whether a reading may be saved (never lower than the meter's previous one, an unusual jump only when confirmed).
 * Billing asks {@link MeterUsage} what each stall consumed in a period. Depends on market (stalls), identity (who may
 * read), audit, todo (meters waiting for this month's reading) and platform (form errors).
 */
package vn.cho40.metering;
