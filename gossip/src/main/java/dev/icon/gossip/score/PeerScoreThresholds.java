package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreChecks.atLeast;
import static dev.icon.gossip.score.ScoreChecks.atMost;

/**
 * The gossipsub v1.1 score thresholds. A peer is "below" a threshold when its score is strictly
 * less than it. Immutable and thread-safe; build with {@link #builder()}, whose
 * {@link Builder#build()} validates and names the field at fault.
 *
 * @param gossipThreshold below it no gossip is emitted to the peer and its gossip is ignored;
 *     {@code <= 0}
 * @param publishThreshold below it self-published messages are not sent to the peer;
 *     {@code <= gossipThreshold}
 * @param graylistThreshold below it every RPC from the peer is ignored; {@code <= publishThreshold}
 * @param acceptPXThreshold peer exchange is used only from peers scoring above it; {@code >= 0}
 * @param opportunisticGraftThreshold mesh median score below which the router may graft better
 *     peers; {@code >= 0}
 */
public record PeerScoreThresholds(
    double gossipThreshold,
    double publishThreshold,
    double graylistThreshold,
    double acceptPXThreshold,
    double opportunisticGraftThreshold) {

  /** Validates the ordering gossip >= publish >= graylist and the signs. */
  public PeerScoreThresholds {
    atMost("gossipThreshold", gossipThreshold, 0);
    atMost("publishThreshold", publishThreshold, gossipThreshold);
    atMost("graylistThreshold", graylistThreshold, publishThreshold);
    atLeast("acceptPXThreshold", acceptPXThreshold, 0);
    atLeast("opportunisticGraftThreshold", opportunisticGraftThreshold, 0);
  }

  /** A builder preset to {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The js-libp2p thresholds -10 / -50 / -80 for gossip, publish and graylist; PX accepted from
   * peers at 10 or more (the topic cap of {@link PeerScoreParams#defaults()}, so in practice peers
   * with top topic merit or an application bonus); opportunistic grafting under a median of 5.
   */
  public static PeerScoreThresholds defaults() {
    return builder().build();
  }

  /** All zero: with scoring disabled every peer scores 0 and so is below no threshold. */
  public static PeerScoreThresholds disabled() {
    return new PeerScoreThresholds(0, 0, 0, 0, 0);
  }

  /** True when gossip may be exchanged with a peer of this score. */
  public boolean allowsGossip(double score) {
    return score >= gossipThreshold;
  }

  /** True when our own messages may be published to a peer of this score. */
  public boolean allowsPublish(double score) {
    return score >= publishThreshold;
  }

  /** True when RPCs from a peer of this score must be ignored. */
  public boolean isGraylisted(double score) {
    return score < graylistThreshold;
  }

  /**
   * True when peer exchange from a peer of this score may be used: at or above the threshold, as
   * go and js decide ({@code score < acceptPXThreshold} is refused; the spec's "exceeds" is read
   * the implementations' way for interop parity).
   */
  public boolean acceptsPeerExchange(double score) {
    return score >= acceptPXThreshold;
  }

  /** The one builder of {@link PeerScoreThresholds}. Not thread-safe. */
  public static final class Builder {
    // A few penalties stop gossip exchange (js default).
    private double gossipThreshold = -10;
    // Clearly misbehaving peers get none of our own messages (js default).
    private double publishThreshold = -50;
    // Spammers: their RPCs are dropped unread (js default).
    private double graylistThreshold = -80;
    // Only peers that earned positive standing (or app-promoted bootstrappers) supply PX.
    private double acceptPXThreshold = 10;
    // Half the default topic cap: a mesh whose median earns under half the reachable merit is stale.
    private double opportunisticGraftThreshold = 5;

    private Builder() {}

    /** @see PeerScoreThresholds#gossipThreshold() */
    public Builder gossipThreshold(double v) { gossipThreshold = v; return this; }
    /** @see PeerScoreThresholds#publishThreshold() */
    public Builder publishThreshold(double v) { publishThreshold = v; return this; }
    /** @see PeerScoreThresholds#graylistThreshold() */
    public Builder graylistThreshold(double v) { graylistThreshold = v; return this; }
    /** @see PeerScoreThresholds#acceptPXThreshold() */
    public Builder acceptPXThreshold(double v) { acceptPXThreshold = v; return this; }
    /** @see PeerScoreThresholds#opportunisticGraftThreshold() */
    public Builder opportunisticGraftThreshold(double v) { opportunisticGraftThreshold = v; return this; }

    /** Validates and builds; throws {@link IllegalArgumentException} naming the field at fault. */
    public PeerScoreThresholds build() {
      return new PeerScoreThresholds(gossipThreshold, publishThreshold, graylistThreshold,
          acceptPXThreshold, opportunisticGraftThreshold);
    }
  }
}
