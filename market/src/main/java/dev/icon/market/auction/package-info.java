/**
 * The sealed-bid double auction on the gossip topic {@code /icon/market/1}: rounds aligned to a
 * configurable period, a commit phase, a reveal phase, then a clearing that every peer computes
 * from the same revealed set and checks against the others' announcements.
 *
 * <p>Roles: {@link dev.icon.market.auction.MarketConfig} (immutable, builder) and {@link
 * dev.icon.market.auction.RoundSchedule} (round n starts at n × period); {@link
 * dev.icon.market.auction.MarketCodec} (signed {@code SignedMarketMessage} bytes to {@link
 * dev.icon.market.auction.MarketFrame}s and back, size limit, signature and author binding, no
 * state), {@link dev.icon.market.auction.OfferCodec} and {@link
 * dev.icon.market.auction.CommitDigest} (what a commit seals); {@link
 * dev.icon.market.auction.MarketRound} (one round's commits and reveals, windows checked against
 * the caller's instant, sealed into an arrival-order-independent {@link
 * dev.icon.market.auction.SealedRound}); {@link dev.icon.market.auction.ClearingFunction} (the
 * mechanism, a seam; {@link dev.icon.market.auction.DoubleAuctionClearing} runs {@link
 * dev.icon.market.clearing.DoubleAuction} on a sealed round) and {@link
 * dev.icon.market.auction.ClearingDigests} (input and result digests); {@code MarketState}
 * (rounds of one peer, clearing checks), {@code OwnOffers} (our offers through the phases),
 * {@link dev.icon.market.auction.MarketParticipant} (what a user runs: submit, tick, listen)
 * with {@link dev.icon.market.auction.MarketListener} events.
 *
 * <p>Threading: codecs, digests and records are immutable and thread-safe; {@code MarketRound}
 * is not, and a participant serializes all state behind one lock (see its javadoc).
 */
package dev.icon.market.auction;
