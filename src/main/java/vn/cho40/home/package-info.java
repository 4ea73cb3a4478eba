/**
 * Every role at home: {@code /home}, each user's start page (a province or the country at a glance, a commune, a
 * market's day, the cashier's desk, the tech member's onboardings, the auditor's log; a trader goes to the app), and
 * the page frame's menu with the badges of what waits. Reads counts from the modules that own the data (market,
 * trader, vietqr, payment, billing, audit; the month's payments from rollout, as its dashboard counts them) and the
 * waiting work from todo; owns no table.
 */
package vn.cho40.home;
