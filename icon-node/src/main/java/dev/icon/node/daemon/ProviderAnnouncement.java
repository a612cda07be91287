package dev.icon.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.icon.node.config.ProviderSettings;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a provider publishes on {@code /icon/providers/1}: its addresses, capacity and price, as a
 * small JSON object. The author is the gossip message's signed author, so the payload names no
 * peer. {@link #decode} refuses anything oversized or malformed.
 *
 * @param addrs where the provider listens
 * @param cpuMillis CPU offered, thousandths of a core
 * @param memoryMib memory offered, MiB
 * @param priceMicrosPerUnitHour price per unit-hour
 */
record ProviderAnnouncement(List<String> addrs, long cpuMillis, long memoryMib,
    long priceMicrosPerUnitHour) {

  static final String TOPIC = "/icon/providers/1";
  static final int MAX_BYTES = 4096;
  static final int MAX_ADDRS = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  static ProviderAnnouncement of(List<Multiaddr> addrs, ProviderSettings p) {
    return new ProviderAnnouncement(addrs.stream().map(Object::toString).limit(MAX_ADDRS).toList(),
        p.cpuMillis(), p.memoryMib(), p.priceMicrosPerUnitHour());
  }

  byte[] encode() {
    ObjectNode n = JSON.createObjectNode();
    addrs.forEach(n.putArray("addrs")::add);
    n.put("cpuMillis", cpuMillis);
    n.put("memoryMib", memoryMib);
    n.put("priceMicrosPerUnitHour", priceMicrosPerUnitHour);
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The announcement in {@code data}, or empty when it is oversized or malformed. */
  static Optional<ProviderAnnouncement> decode(byte[] data) {
    if (data.length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(data);
      JsonNode a = n.get("addrs");
      if (a == null || !a.isArray() || a.size() > MAX_ADDRS) {
        return Optional.empty();
      }
      List<String> addrs = new ArrayList<>();
      for (JsonNode x : a) {
        addrs.add(Multiaddr.parse(x.asText()).toString());
      }
      long cpu = positive(n, "cpuMillis");
      long mem = positive(n, "memoryMib");
      long price = positive(n, "priceMicrosPerUnitHour");
      if (cpu < 0 || mem < 0 || price < 0) {
        return Optional.empty();
      }
      return Optional.of(new ProviderAnnouncement(List.copyOf(addrs), cpu, mem, price));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static long positive(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : -1;
  }
}
