package dev.icon.market.negotiate;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.MarketTrade;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Instant;
import java.util.Objects;

/**
 * What an ICON asks a provider for: {@code units} of {@code resources} from {@code start} to
 * {@code end}, at most {@code maxPriceMicrosPerUnitHour} per unit and hour. Immutable.
 *
 * @param marketTrade the cleared market trade this request concludes (sent in the request's
 *     {@code market_trade}), or null for a request made outside the market
 */
public record NegotiationRequest(PeerId provider, ResourceSpec resources, int units,
    long maxPriceMicrosPerUnitHour, Instant start, Instant end, MarketTrade marketTrade) {

  /** A request outside the market (no {@code market_trade}). */
  public NegotiationRequest(PeerId provider, ResourceSpec resources, int units,
      long maxPriceMicrosPerUnitHour, Instant start, Instant end) {
    this(provider, resources, units, maxPriceMicrosPerUnitHour, start, end, null);
  }

  /** Checks the fields, naming the one at fault. */
  public NegotiationRequest {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (resources.getCpuMillis() == 0 || resources.getMemoryMib() == 0) {
      throw new IllegalArgumentException("resources need cpu_millis and memory_mib");
    }
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive: " + units);
    }
    if (maxPriceMicrosPerUnitHour < 0) {
      throw new IllegalArgumentException(
          "maxPriceMicrosPerUnitHour must not be negative: " + maxPriceMicrosPerUnitHour);
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("start " + start + " is not before end " + end);
    }
  }
}
