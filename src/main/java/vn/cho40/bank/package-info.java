/** NAPAS member banks and wallets with their BINs, from the shipped list. Pure Java, no database. */
package vn.cho40.bank;
