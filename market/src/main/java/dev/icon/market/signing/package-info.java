/**
 * Signatures of ICON's market messages: the domain-separation prefixes ({@link
 * dev.icon.market.signing.SigningDomain}) and signing/verifying with the overlay's identity keys
 * ({@link dev.icon.market.signing.MarketSignatures}), shared by negotiation, receipts and budget
 * grants.
 */
package dev.icon.market.signing;
