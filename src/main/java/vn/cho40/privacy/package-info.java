/**
 * Personal data at rest (Decree 13/2023): authenticated encryption with a rotatable key ring, keyed
 * hashes for lookups, and masking for screens. Keys come from configuration only.
 */
package vn.cho40.privacy;
