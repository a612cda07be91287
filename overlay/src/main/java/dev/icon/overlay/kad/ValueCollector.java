package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The GET_VALUE side of a lookup, as the spec's "getting values": keeps the best valid record seen
 * (by the namespace's selector), which peers returned it, and which returned worse ones (to be
 * corrected with PUT_VALUE afterwards); stops the lookup once {@code quorum} valid records arrived.
 * Records under another key or failing validation are counted and ignored.
 *
 * <p>Thread-safe (synchronized); read the results after the lookup ended.
 */
public final class ValueCollector implements LookupHandler {

  private final byte[] key;
  private final RecordValidators validators;
  private final int quorum;
  private byte[] best;
  private final Set<PeerId> bestPeers = new LinkedHashSet<>();
  private final Set<PeerId> outdatedPeers = new LinkedHashSet<>();
  private int valid;
  private int rejected;

  /**
   * Collects records for {@code key} until {@code quorum} valid ones arrived.
   *
   * @throws IllegalArgumentException if {@code quorum} is not positive
   */
  public ValueCollector(byte[] key, RecordValidators validators, int quorum) {
    if (quorum <= 0) {
      throw new IllegalArgumentException("quorum must be positive: " + quorum);
    }
    this.key = key.clone();
    this.validators = Objects.requireNonNull(validators, "validators");
    this.quorum = quorum;
  }

  /** Counts our own stored value toward the quorum (the spec's local-first step). */
  public synchronized void addLocal(byte[] value) {
    offer(null, value);
  }

  @Override
  public synchronized boolean onResponse(PeerId from, Message response) {
    if (response.hasRecord()) {
      if (!Arrays.equals(response.getRecord().getKey().toByteArray(), key)) {
        rejected++;
      } else {
        offer(from, response.getRecord().getValue().toByteArray());
      }
    }
    return valid >= quorum;
  }

  private void offer(PeerId from, byte[] value) {
    try {
      validators.validate(key, value);
    } catch (KadException e) {
      rejected++;
      return;
    }
    valid++;
    if (best == null) {
      best = value;
      addPeer(bestPeers, from);
    } else if (Arrays.equals(best, value)) {
      addPeer(bestPeers, from);
    } else if (validators.select(key, List.of(best, value)) == 1) {
      best = value;
      outdatedPeers.addAll(bestPeers);
      bestPeers.clear();
      addPeer(bestPeers, from);
    } else {
      addPeer(outdatedPeers, from);
    }
  }

  private static void addPeer(Set<PeerId> set, PeerId peer) {
    if (peer != null) {
      set.add(peer);
    }
  }

  /** The best valid value seen. */
  public synchronized Optional<byte[]> best() {
    return Optional.ofNullable(best).map(byte[]::clone);
  }

  /** Peers that returned the best value. */
  public synchronized Set<PeerId> bestPeers() {
    return Set.copyOf(bestPeers);
  }

  /** Peers that returned a worse value: send them PUT_VALUE(best). */
  public synchronized Set<PeerId> outdatedPeers() {
    return Set.copyOf(outdatedPeers);
  }

  /** Valid records received (including a local one). */
  public synchronized int validCount() {
    return valid;
  }

  /** Records ignored: invalid, or under another key. */
  public synchronized int rejectedCount() {
    return rejected;
  }
}
