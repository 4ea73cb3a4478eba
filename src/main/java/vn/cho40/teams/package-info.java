/**
 * Community digital-technology teams (tổ công nghệ số cộng đồng): the registry of teams per 2025 commune and their
 * members, the phone log of every person a member helped (kept offline on the phone and sent exactly once, keyed by
 * the entry's own id), and the results per member, team, commune and province with the traders they onboarded and
 * how many of those became active. Reads markets, traders, onboardings and payments in SQL only; depends on
 * identity, audit, privacy and shared.
 */
package vn.cho40.teams;
