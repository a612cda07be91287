/**
 * The market's clearing: bids, asks, the truthful {@link dev.icon.market.clearing.DoubleAuction}
 * and its {@link dev.icon.market.clearing.ClearingResult}. Pure functions and immutable records;
 * money is {@code long} micro-units ({@link dev.icon.market.clearing.Micros}).
 */
package dev.icon.market.clearing;
