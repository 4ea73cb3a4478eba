/**
 * Local products on e-commerce: the catalogue of a market's specialities (OCOP group and stars with their
 * certificate, producer, price, stock, photos re-encoded without their metadata), the public storefront with
 * schema.org JSON-LD and a sitemap, the Google Merchant Center feeds and the Shopee mass-upload sheet, the listings a
 * board records, and orders a buyer pays by a dynamic VietQR to the selling trader (the vietqr module's stall codes:
 * the payments module matches them like any sale). Answers the rollout's "products online" figure. Depends on
 * market, trader (stalls' traders and accounts), vietqr, payment (its event and the notes port), ledger (a
 * cancelled order's refund), identity, privacy, audit, rollout and
 * shared.
 */
package vn.cho40.catalogue;
