/**
 * The provider's durable ledger of agreements, usage receipts and budgets.
 *
 * <p>{@link dev.icon.market.ledger.Ledger} is the seam (opaque signed bytes keyed by ids);
 * {@link dev.icon.market.ledger.InMemoryLedger} serves tests and simulation;
 * {@link dev.icon.market.ledger.AtomixLedger} stores everything in an Atomix 3 Raft partition
 * group, a single embedded member by default, a cluster of the provider's own nodes when
 * {@link dev.icon.market.ledger.LedgerConfig#members()} says so. Both share the rules in
 * {@code VersionedLedger}: write-once agreements, receipts that never go backwards, budgets that
 * are never overspent (compare-and-set on the key's version, retried).
 */
package dev.icon.market.ledger;
