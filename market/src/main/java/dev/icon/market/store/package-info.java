/**
 * The negotiation's and the receipt check's storage seams on the durable {@link
 * dev.icon.market.ledger.Ledger}: {@link dev.icon.market.store.LedgerAgreementStore} (an
 * {@link dev.icon.market.negotiate.AgreementStore}: write-once agreements) and {@link
 * dev.icon.market.store.LedgerReceiptBook} (a {@link dev.icon.market.receipt.ReceiptBook}: the
 * last accepted receipt per agreement, replaced by compare-and-set). With an {@link
 * dev.icon.market.ledger.AtomixLedger} an agreement the provider acknowledged and every receipt it
 * accepted are committed by a Raft majority before the negotiation or the check answers.
 */
package dev.icon.market.store;
