package dev.icon.node.deploy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.util.Arrays;
import java.util.Random;

/** Test data: seeded random artifacts, their chunks and hashes, fresh peer ids. */
final class Artifacts {

  private Artifacts() {}

  static byte[] random(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] sha(byte[] data) {
    return Sha256.of(data, 0, data.length);
  }

  static ByteString chunk(byte[] data, long offset, int chunkSize) {
    int end = (int) Math.min(data.length, offset + chunkSize);
    return ByteString.copyFrom(Arrays.copyOfRange(data, (int) offset, end));
  }

  static ByteString shaOf(ByteString chunk) {
    return ByteString.copyFrom(Sha256.of(chunk));
  }

  static PeerId peer() {
    return PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  }
}
