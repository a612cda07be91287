/**
 * ICON's market: negotiation between an ICON and a provider, a truthful double auction on
 * gossip, dual-signed agreements, signed usage receipts and a durable ledger.
 *
 * <p>Packages: {@code clearing} (the mechanism), {@code auction} (rounds on {@code
 * /icon/market/1}), {@code negotiate} ({@code /icon/negotiate/1.0.0}), {@code trade} (matched
 * pairs to agreements), {@code receipt}, {@code grant}, {@code ledger} (Atomix), {@code store}
 * (the negotiation's and receipts' seams on the ledger), {@code signing}. The module README's
 * "How the pieces fit" walks through them in order.
 */
package dev.icon.market;
