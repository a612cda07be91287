package dev.icon.market.auction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The final input of one round's clearing: the revealed offers and the exclusions, each sorted by
 * qualified id, so it is the same object on every peer that saw the same messages, whatever the
 * order they arrived in. Immutable.
 */
public record SealedRound(long round, List<RevealedOffer> offers, List<OfferExclusion> exclusions) {

  /** Sorts and copies both lists. */
  public SealedRound {
    offers = offers.stream().sorted(Comparator.comparing(RevealedOffer::qualifiedId)).toList();
    exclusions = exclusions.stream()
        .sorted(Comparator.comparing(OfferExclusion::qualifiedId)).toList();
  }

  /** The revealed bids. */
  public List<RevealedOffer> bids() {
    return offers.stream().filter(o -> o.offer() instanceof BidOffer).toList();
  }

  /** The revealed asks. */
  public List<RevealedOffer> asks() {
    return offers.stream().filter(o -> o.offer() instanceof AskOffer).toList();
  }

  /**
   * The qualified ask ids a revealed bid accepts, for a clearing function whose empty set means
   * "any ask": empty when both accept lists are empty; otherwise the named asks, every revealed ask
   * of the named providers, and the provider ids themselves (they match no ask, but keep the set
   * non-empty when a named provider has no ask in this round).
   */
  public Set<String> acceptOf(RevealedOffer bid) {
    BidOffer b = (BidOffer) bid.offer();
    Set<String> accept = new TreeSet<>(b.acceptAsks());
    if (!b.acceptProviders().isEmpty()) {
      Set<String> providers = Set.copyOf(b.acceptProviders());
      accept.addAll(providers);
      List<String> matching = new ArrayList<>();
      for (RevealedOffer ask : asks()) {
        if (providers.contains(ask.author().toBase58())) {
          matching.add(ask.qualifiedId());
        }
      }
      accept.addAll(matching);
    }
    return accept;
  }
}
