package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GET_PROVIDERS side of a lookup: collects distinct providers (first-seen addresses win, later
 * non-empty ones fill in) and stops the lookup once {@code wanted} are known. At most {@code
 * perResponse} provider entries are read from one response.
 *
 * <p>Thread-safe (synchronized); read the results after the lookup ended.
 */
public final class ProviderCollector implements LookupHandler {

  private final int wanted;
  private final int perResponse;
  private final Map<PeerId, KadPeer> providers = new LinkedHashMap<>();

  /**
   * Collects up to {@code wanted} providers, reading {@code perResponse} entries per response.
   *
   * @throws IllegalArgumentException if either is not positive
   */
  public ProviderCollector(int wanted, int perResponse) {
    if (wanted <= 0 || perResponse <= 0) {
      throw new IllegalArgumentException(
          "wanted and perResponse must be positive: " + wanted + ", " + perResponse);
    }
    this.wanted = wanted;
    this.perResponse = perResponse;
  }

  @Override
  public synchronized boolean onResponse(PeerId from, Message response) {
    for (KadPeer p : KadMessages.fromWire(response.getProviderPeersList(), perResponse)) {
      if (providers.size() >= wanted) {
        break;
      }
      KadPeer known = providers.get(p.id());
      if (known == null || (known.addrs().isEmpty() && !p.addrs().isEmpty())) {
        providers.put(p.id(), p);
      }
    }
    return providers.size() >= wanted;
  }

  /** The providers found, in discovery order. */
  public synchronized List<KadPeer> providers() {
    return List.copyOf(providers.values());
  }
}
