/**
 * Payments in (groundwork for the payments issue): each provider's webhook verified and turned into one
 * normalized {@link InboundPayment}. Pure Java so far; durable ingest, matching, the ledger and statements
 * are still to come.
 */
package vn.cho40.payment;
