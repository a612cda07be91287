package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import java.util.Random;

/** Seeded peer ids and a hand-driven clock for the kad tests. */
final class TestPeers {

  private TestPeers() {}

  /** A random sha2-256 peer id (valid multihash, no key behind it). */
  static PeerId random(Random random) {
    byte[] bytes = new byte[34];
    random.nextBytes(bytes);
    bytes[0] = 0x12;
    bytes[1] = 32;
    return PeerId.fromBytes(bytes);
  }

  /** A random peer id whose key shares exactly {@code cpl} leading bits with {@code self}. */
  static PeerId inBucket(PeerId self, int cpl, Random random) {
    return PeerId.fromBytes(RefreshTargets.keyForBucket(KadKey.of(self), cpl, random));
  }

}
