/**
 * The transactional outbox: the facts the national service needs (payments matched, bill payments, market status
 * changes, frozen KPI months), written through {@link vn.cho40.outbox.Outbox} in the same database transaction as
 * the fact itself and relayed to Apache Kafka afterwards by {@link vn.cho40.outbox.OutboxRelay}, at least once.
 * {@link vn.cho40.outbox.Fact} and {@link vn.cho40.outbox.FactJson} are the published language the national
 * service reads back. Depends on shared only; the modules that own the facts depend on it.
 */
package vn.cho40.outbox;
