/**
 * Stalls' sub-meters (electricity, water) with serial numbers and replacement history, and their readings, taken
 * on a phone by the cashier walking the market or imported from a file. Billing asks {@link MeterUsage} what each
 * stall consumed in a period. Depends on market (stalls) and identity (who may read).
 */
package vn.cho40.metering;
