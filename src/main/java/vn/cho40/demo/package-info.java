/**
 * The demo province: the markets named in the programme's documents (Thái Nguyên with former Bắc Kạn,
 * and Điện Biên) with synthetic but plausible stalls. Loaded only by {@code ./cho40 demo}, on a database of its
 * own; {@link vn.cho40.demo.DemoMarker} runs in every mode so that a real server never starts on it.
 */
package vn.cho40.demo;
