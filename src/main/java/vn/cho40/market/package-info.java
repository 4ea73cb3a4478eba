/**
 * Markets, their zones and stalls, the Chợ 4.0 status of each market, stall imports, and the public
 * market directory. Uses adminunit (where a market is) and bank (its collection account).
 */
package vn.cho40.market;
