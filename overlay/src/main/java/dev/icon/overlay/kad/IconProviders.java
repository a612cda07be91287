package dev.icon.overlay.kad;

import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtPeer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Provider discovery through the DHT: providers advertise a well-known key and ICONs look it up,
 * with no registry. A well-known key is the sha2-256 multihash of a UTF-8 name (what the wire
 * carries and what go and js-libp2p kad-dht take as a provider key; {@code ./icon peer --provide
 * NAME} derives the same bytes). {@link #EDGE_PROVIDERS} is the key ICON edge providers advertise.
 * Provider records expire ({@link KadConfig#providerValidity()}) and a provider's host re-announces
 * them while it runs ({@link KadConfig#providerRepublishInterval()}), so a stopped provider drops
 * out of the answers.
 *
 * <p>Stateless and thread-safe; the returned futures behave as {@link Dht}'s.
 */
public final class IconProviders {

  /** The name behind {@link #EDGE_PROVIDERS}; a new major version gets a new name. */
  public static final String EDGE_PROVIDERS_NAME = "/icon/providers/1";

  private static final byte[] EDGE_PROVIDERS = key(EDGE_PROVIDERS_NAME);

  private IconProviders() {}

  /** The well-known key of ICON edge providers: the multihash of {@value #EDGE_PROVIDERS_NAME}. */
  public static byte[] edgeProvidersKey() {
    return EDGE_PROVIDERS.clone();
  }

  /** The well-known provider key for {@code name}: {@code 0x12 0x20 || sha256(UTF-8 name)}. */
  public static byte[] key(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(name.getBytes(StandardCharsets.UTF_8));
      byte[] multihash = new byte[2 + digest.length];
      multihash[0] = 0x12;
      multihash[1] = (byte) digest.length;
      System.arraycopy(digest, 0, multihash, 2, digest.length);
      return multihash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /**
   * Announces {@code dht}'s host as an ICON edge provider ({@link Dht#provide}); re-announced
   * periodically while the host runs. Completes with the number of peers told.
   */
  public static CompletableFuture<Integer> advertiseEdge(Dht dht) {
    return dht.provide(edgeProvidersKey());
  }

  /** Up to {@code max} ICON edge providers found through {@code dht} ({@link Dht#findProviders}). */
  public static CompletableFuture<List<DhtPeer>> findEdgeProviders(Dht dht, int max) {
    return dht.findProviders(edgeProvidersKey(), max);
  }
}
