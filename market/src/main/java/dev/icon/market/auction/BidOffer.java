package dev.icon.market.auction;

import dev.icon.proto.icon.resources.ResourceSpec;
import java.util.List;
import java.util.Objects;

/**
 * A buyer's bid: up to {@code units} units, each worth at most {@code valuePerUnit} micro-units.
 * When both accept lists are empty the bid takes any ask; otherwise only the asks named in
 * {@code acceptAsks} (qualified, {@code <provider>/<id>}) and every ask of the providers named in
 * {@code acceptProviders} (base58 peer ids).
 *
 * @param unit what one unit is, or {@code null} when unspecified
 */
public record BidOffer(String id, long valuePerUnit, long units, List<String> acceptAsks,
    List<String> acceptProviders, ResourceSpec unit) implements MarketOffer {

  /** Most entries in the two accept lists together. */
  public static final int MAX_ACCEPT = 256;
  /** Longest accept entry. */
  public static final int MAX_ACCEPT_ENTRY = 160;

  /** Validates every field ({@link MarketError#MALFORMED}) and copies the lists. */
  public BidOffer {
    MarketOffer.check(id, units, "valuePerUnit", valuePerUnit);
    acceptAsks = List.copyOf(Objects.requireNonNull(acceptAsks, "acceptAsks"));
    acceptProviders = List.copyOf(Objects.requireNonNull(acceptProviders, "acceptProviders"));
    if (acceptAsks.size() + acceptProviders.size() > MAX_ACCEPT) {
      throw new MarketException(MarketError.MALFORMED, "more than " + MAX_ACCEPT
          + " accept entries: " + (acceptAsks.size() + acceptProviders.size()));
    }
    for (String s : acceptAsks) {
      checkEntry(s);
    }
    for (String s : acceptProviders) {
      checkEntry(s);
    }
  }

  /** A bid for any ask, without a unit spec. */
  public static BidOffer any(String id, long valuePerUnit, long units) {
    return new BidOffer(id, valuePerUnit, units, List.of(), List.of(), null);
  }

  private static void checkEntry(String s) {
    if (s.isEmpty() || s.length() > MAX_ACCEPT_ENTRY) {
      throw new MarketException(MarketError.MALFORMED,
          "accept entries must have 1.." + MAX_ACCEPT_ENTRY + " characters: " + s.length());
    }
    if (s.chars().anyMatch(Character::isISOControl)) {
      throw new MarketException(MarketError.MALFORMED, "accept entry with a control character");
    }
  }
}
