/**
 * The demo province: the markets named in the programme's documents (Thái Nguyên with former Bắc Kạn,
 * and Điện Biên) with synthetic but plausible stalls. Loaded only by {@code ./cho40 demo}.
 */
package vn.cho40.demo;
