/**
 * Traders (tiểu thương, hộ kinh doanh): identity with consent, verified phone, leases of stalls,
 * receiving accounts (bank or wallet) with a default per stall, the onboarding wizard and trader import, and the
 * requests for new accounts traders send from the app (confirmed only by staff).
 */
package vn.cho40.trader;
