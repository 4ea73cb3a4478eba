/**
 * The national service: a cho40 server started with {@code cho40.role=national} consumes the cells' facts from
 * Kafka (the outbox's topics) into its own database, idempotently by event id, and serves the figures per province
 * from there alone: {@code /national} and {@code GET /api/v1/national/figures}. {@code ./cho40 national rebuild}
 * empties its tables and reads every topic again from the beginning. Depends on outbox (the facts' language),
 * adminunit (province names), identity and shared.
 */
package vn.cho40.national;
