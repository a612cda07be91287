package dev.icon.market.auction;

import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A stand-in mechanism for tests of the rounds (not truthful): highest bids meet cheapest
 * acceptable asks, each trade at the midpoint. Pure and deterministic.
 */
final class GreedyClearing implements ClearingFunction {

  @Override
  public ClearingResult clear(SealedRound round) {
    List<String> excluded = round.exclusions().stream().map(OfferExclusion::qualifiedId).toList();
    List<RevealedOffer> bids = new ArrayList<>(round.bids());
    bids.sort(Comparator.comparingLong((RevealedOffer o) -> -((BidOffer) o.offer()).valuePerUnit())
        .thenComparing(RevealedOffer::qualifiedId));
    List<RevealedOffer> asks = new ArrayList<>(round.asks());
    asks.sort(Comparator.comparingLong((RevealedOffer o) -> ((AskOffer) o.offer()).costPerUnit())
        .thenComparing(RevealedOffer::qualifiedId));
    long[] left = asks.stream().mapToLong(a -> a.offer().units()).toArray();
    List<Trade> trades = new ArrayList<>();
    for (RevealedOffer bid : bids) {
      BidOffer b = (BidOffer) bid.offer();
      Set<String> accept = round.acceptOf(bid);
      long want = b.units();
      for (int i = 0; i < asks.size() && want > 0; i++) {
        AskOffer a = (AskOffer) asks.get(i).offer();
        boolean ok = accept.isEmpty() || accept.contains(asks.get(i).qualifiedId());
        if (left[i] == 0 || !ok || a.costPerUnit() > b.valuePerUnit()) {
          continue;
        }
        long units = Math.min(want, left[i]);
        long price = (a.costPerUnit() + b.valuePerUnit()) / 2;
        trades.add(new Trade(bid.qualifiedId(), asks.get(i).qualifiedId(), units, price,
            price));
        left[i] -= units;
        want -= units;
      }
    }
    return new ClearingResult(trades, excluded, "greedy-midpoint (test stand-in)");
  }
}
