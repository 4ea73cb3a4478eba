/**
 * The rollout programme: monthly aggregates of credited payments kept exactly once as payments are matched, the
 * indicators of the provincial plans computed from what the platform records (and from what other modules answer
 * through {@link vn.cho40.rollout.MarketFigures}), frozen month snapshots, plans with dated targets, figures
 * reported by people, the dashboards, the monthly report and the open data. Reads markets, stalls, leases, codes
 * and traders in SQL only; depends on payment (its event), adminunit, market, identity, audit and shared.
 */
package vn.cho40.rollout;
