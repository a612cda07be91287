package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import dev.icon.market.clearing.ClearingResult;
import java.util.Objects;

/**
 * What this peer computed for one round: the sealed input, the outcome, and the digests it
 * announces (see {@link ClearingDigests}). Immutable.
 */
public record RoundClearing(SealedRound input, ClearingResult outcome, ByteString inputDigest,
    ByteString resultDigest) {

  /** Rejects nulls. */
  public RoundClearing {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(inputDigest, "inputDigest");
    Objects.requireNonNull(resultDigest, "resultDigest");
  }

  /** Clears {@code input} with {@code function} and computes both digests. */
  public static RoundClearing compute(SealedRound input, ClearingFunction function) {
    ClearingResult outcome = function.clear(input);
    return new RoundClearing(input, outcome, ClearingDigests.input(input),
        ClearingDigests.result(outcome));
  }

  /** The round number. */
  public long round() {
    return input.round();
  }
}
