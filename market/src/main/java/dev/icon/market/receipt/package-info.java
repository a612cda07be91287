/**
 * Usage receipts: the ICON signs the cumulative, monotonic amount it owes under an agreement
 * ({@link dev.icon.market.receipt.ReceiptSigner}); the provider accepts a receipt only if it is
 * signed by the agreement's consumer, names a stored agreement of its own, moves the sequence
 * forward, never goes backwards and never exceeds the agreement's maximum ({@link
 * dev.icon.market.receipt.ReceiptValidator}, refusals named by {@link
 * dev.icon.market.receipt.ReceiptError}). The last accepted receipt per agreement lives in a
 * {@link dev.icon.market.receipt.ReceiptBook}, the seam to the ledger.
 */
package dev.icon.market.receipt;
