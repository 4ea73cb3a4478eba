/**
 * Vietnam's administrative units in both regimes (two-tier since 1 July 2025, three-tier before) and
 * the official mapping between them. Reference data, loaded from files shipped in the jar.
 */
package vn.cho40.adminunit;
