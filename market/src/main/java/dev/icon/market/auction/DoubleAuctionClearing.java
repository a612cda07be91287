package dev.icon.market.auction;

import dev.icon.market.clearing.Ask;
import dev.icon.market.clearing.Bid;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.DoubleAuction;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The market's clearing: {@link DoubleAuction} over a sealed round. Bids and asks keep their
 * qualified ids, bidders and providers are base58 peer ids, accept lists are expanded by {@link
 * SealedRound#acceptOf}, and the round's exclusions are added to the result's excluded ids.
 *
 * <p>The auction's salt (which splits the market in halves and ranks offers) is the round's input
 * digest in hex ({@link ClearingDigests#input}): it depends on every revealed offer, so no one
 * knows it when committing, and every peer with the same input derives the same one. Stateless
 * and thread-safe.
 */
public final class DoubleAuctionClearing implements ClearingFunction {

  @Override
  public ClearingResult clear(SealedRound round) {
    List<Bid> bids = new ArrayList<>();
    for (RevealedOffer o : round.bids()) {
      BidOffer b = (BidOffer) o.offer();
      bids.add(new Bid(o.qualifiedId(), o.author().toBase58(), b.valuePerUnit(), b.units(),
          round.acceptOf(o)));
    }
    List<Ask> asks = new ArrayList<>();
    for (RevealedOffer o : round.asks()) {
      AskOffer a = (AskOffer) o.offer();
      asks.add(new Ask(o.qualifiedId(), o.author().toBase58(), a.costPerUnit(), a.units()));
    }
    String salt = HexFormat.of().formatHex(ClearingDigests.input(round).toByteArray());
    return new DoubleAuction(salt).clear(bids, asks)
        .withExcluded(round.exclusions().stream().map(OfferExclusion::qualifiedId).toList());
  }
}
