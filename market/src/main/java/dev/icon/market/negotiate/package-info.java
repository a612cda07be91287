/**
 * {@code /icon/negotiate/1.0.0}: the bilateral negotiation of an agreement between an ICON
 * (consumer) and a provider, over one stream.
 *
 * <p>Flow: the consumer sends a signed {@code Request}; the provider verifies it and answers with
 * an {@code Offer} (terms it signed) or a {@code Reject}; the consumer verifies the offer and
 * sends an {@code Accept} (its countersignature over the same terms bytes) or a {@code Reject};
 * the provider verifies, stores and sends the {@code Agreement}, which the consumer verifies and
 * stores. Both end up holding the same dual-signed bytes. A request that concludes a trade of a
 * market round names it in {@code market_trade} ({@link
 * dev.icon.market.negotiate.NegotiationRequest#marketTrade()}); {@code dev.icon.market.trade}
 * makes and checks such requests.
 *
 * <p>Roles: {@link dev.icon.market.negotiate.NegotiateProtocol} (id),
 * {@link dev.icon.market.negotiate.NegotiateCodec} (frames, no state),
 * {@link dev.icon.market.negotiate.ConsumerSession} and
 * {@link dev.icon.market.negotiate.ProviderSession} (the state machines, no I/O, clock injected),
 * {@link dev.icon.market.negotiate.SessionRunner} (one session over one stream, with its step
 * timer), {@link dev.icon.market.negotiate.NegotiateController} (what a user calls),
 * {@link dev.icon.market.negotiate.ReplayCache} (request nonces until expiry),
 * {@link dev.icon.market.negotiate.SignedAgreement} (a verified agreement). Seams:
 * {@link dev.icon.market.negotiate.OfferPolicy} (provider: quote, commit capacity),
 * {@link dev.icon.market.negotiate.OfferEvaluator} (ICON: accept an offer),
 * {@link dev.icon.market.negotiate.AgreementStore} (the ledger).
 *
 * <p>Bad input (forged or missing signatures, wrong peer ids, expired requests or offers, replayed
 * nonces, malformed or oversized frames, frames out of order) fails the session with a
 * {@link dev.icon.market.negotiate.NegotiateError}: a reject is sent, the failure is logged and
 * counted, nothing is stored, and the stream is reset; the host stays up.
 */
package dev.icon.market.negotiate;
