/**
 * The trader's phone app (started): the live feed of payments, pushed by Server-Sent Events and spoken in
 * Vietnamese with the full amount and "đồng".
 */
package vn.cho40.traderapp;
