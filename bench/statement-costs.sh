#!/usr/bin/env bash
# What each statement of a payment costs PostgreSQL, per payment: run after bench/webhooks.sh, on the database it
# leaves behind (cho40bench, its hundreds of thousands of payments make the indexes realistic). In one transaction
# that is rolled back, the last ROWS stored payments are copied as new ones and taken through the same statements
# as a webhook (its request, its event) and as the matcher (the claim with the match, the ledger transaction, its
# two lines), each under EXPLAIN ANALYZE, which also times every foreign-key check. The raw body alone (the
# benchmark's baseline) is the first line. Usage: bench/statement-costs.sh [rows]
set -euo pipefail
rows=${1:-2000}
db=${DB:-cho40bench}
matched=$(psql -h 127.0.0.1 -U postgres -q -t -A -d "$db" -c "SELECT count(*) FROM payment_event WHERE status = 'MATCHED'")
if (( matched < rows )); then
  echo "$db holds $matched matched payments, fewer than $rows: run bench/webhooks.sh (with matching on) first" >&2
  exit 1
fi
psql -h 127.0.0.1 -U postgres -q -d "$db" -v rows="$rows" -v ON_ERROR_STOP=1 <<'SQL' |
BEGIN;
CREATE TEMP TABLE src AS
    SELECT e.*, gen_random_uuid() AS nid, gen_random_uuid() AS nreq, gen_random_uuid() AS ntx,
           (SELECT trader_id FROM payment_event WHERE trader_id IS NOT NULL LIMIT 1) AS any_trader,
           (SELECT stall_id FROM payment_event WHERE stall_id IS NOT NULL LIMIT 1) AS any_stall,
           (SELECT id FROM market LIMIT 1) AS any_market
    FROM payment_event e ORDER BY id DESC LIMIT :rows;
CREATE TABLE bench_raw_copy (id uuid PRIMARY KEY, received_at timestamptz NOT NULL, body bytea NOT NULL);
\echo '## baseline: the raw body alone'
EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO bench_raw_copy
    SELECT s.nreq, now(), r.body_enc FROM src s JOIN inbound_request r ON r.id = s.request_id;
\echo '## webhook: the request'
EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO inbound_request (id, received_at, provider, outcome, reason, remote_addr, body_enc)
    SELECT s.nreq, now(), r.provider, r.outcome, r.reason, r.remote_addr, r.body_enc
    FROM src s JOIN inbound_request r ON r.id = s.request_id;
\echo '## webhook: its payment, deduplicated by both keys'
EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO payment_event (id, request_id, provider, provider_txn_id, bank_reference,
        receiving_account_hash, receiving_account_last4, direction, amount_vnd, booked_at, transfer_text_enc,
        our_reference, market_id, created_at)
    SELECT nid, nreq, provider, provider_txn_id || '-c', bank_reference || '-c', receiving_account_hash,
           receiving_account_last4, direction, amount_vnd, booked_at, transfer_text_enc, our_reference, NULL, now()
    FROM src ON CONFLICT DO NOTHING;
-- Later statements run in the same transaction as the insert above, which makes PostgreSQL re-check the request's
-- key on the update (it would not in the matcher's own transaction): the report leaves that check out.
\echo '## matcher: claim and match'
EXPLAIN (ANALYZE, COSTS OFF) UPDATE payment_event e SET status = 'MATCHED', market_id = s.any_market,
        stall_id = s.any_stall, trader_id = s.any_trader, matched_at = now(), payment_code = NULL
    FROM src s WHERE e.id = s.nid AND e.status = 'RECEIVED';
\echo '## matcher: the ledger transaction'
EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO ledger_transaction (id, market_id, payment_event_id, reverses, posted_at, memo)
    SELECT ntx, any_market, nid, NULL, now(), 'payment ' || provider FROM src;
\echo '## matcher: its two lines'
EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd)
    SELECT ntx, 1, any_market, 'clearing:' || provider, amount_vnd FROM src
    UNION ALL SELECT ntx, 2, any_market, 'trader:' || any_trader, -amount_vnd FROM src;
ROLLBACK;
SQL
awk -v rows="$rows" '
  /^## / {if (name != "") report(); name = substr($0, 4); exec = 0; keys = 0; next}
  /Trigger for constraint/ && !(name ~ /claim/ && /request_id/) {
    for (i = 1; i <= NF; i++) if ($i ~ /^time=/) {split($i, t, "="); keys += t[2]}
  }
  /Trigger for constraint/ && name ~ /claim/ && /request_id/ {
    for (i = 1; i <= NF; i++) if ($i ~ /^time=/) {split($i, t, "="); skip += t[2]}
  }
  /Execution Time/ {exec = $3 - skip; skip = 0}
  function report() {
    printf "%-48s %6.1f µs a payment, of which foreign-key checks %5.1f µs\n", name, 1000 * exec / rows, 1000 * keys / rows
  }
  END {report()}'
