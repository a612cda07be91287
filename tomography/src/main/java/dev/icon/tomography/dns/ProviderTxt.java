package dev.icon.tomography.dns;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's TXT records say: {@code icon-peer=<peer id>} (exactly one value) and {@code
 * icon-addr=<multiaddr>} (one or more). Strings without these prefixes are ignored; invalid values
 * are dropped with a reason in {@link #problems()}, never thrown.
 *
 * @param peerId the provider's peer id, empty if missing, invalid or contradicted
 * @param addrs the valid addresses, in record order, without duplicates
 * @param problems why values were dropped, one sentence each
 */
public record ProviderTxt(Optional<PeerId> peerId, List<Multiaddr> addrs, List<String> problems) {

  /** The prefix of the peer id string. */
  public static final String PEER_PREFIX = "icon-peer=";
  /** The prefix of an address string. */
  public static final String ADDR_PREFIX = "icon-addr=";

  public ProviderTxt {
    addrs = List.copyOf(addrs);
    problems = List.copyOf(problems);
  }

  /** Reads the character strings of every TXT record at one name, keeping {@code maxAddrs}. */
  public static ProviderTxt parse(List<String> strings, int maxAddrs) {
    List<String> problems = new ArrayList<>();
    Set<PeerId> peers = new LinkedHashSet<>();
    List<String> addrTexts = new ArrayList<>();
    for (String s : strings) {
      if (s.startsWith(PEER_PREFIX)) {
        String v = s.substring(PEER_PREFIX.length()).strip();
        try {
          peers.add(PeerId.parse(v));
        } catch (RuntimeException e) {
          problems.add("invalid icon-peer '" + abbreviate(v) + "': " + e.getMessage());
        }
      } else if (s.startsWith(ADDR_PREFIX)) {
        addrTexts.add(s.substring(ADDR_PREFIX.length()).strip());
      }
    }
    Optional<PeerId> peer = Optional.empty();
    if (peers.size() == 1) {
      peer = Optional.of(peers.iterator().next());
    } else if (peers.size() > 1) {
      problems.add("conflicting icon-peer values " + peers + ": none is used");
    } else if (problems.isEmpty()) {
      problems.add("no icon-peer record");
    }
    Set<Multiaddr> addrs = new LinkedHashSet<>();
    for (String text : addrTexts) {
      if (addrs.size() >= maxAddrs) {
        problems.add("more than " + maxAddrs + " icon-addr values: the rest are ignored");
        break;
      }
      try {
        Multiaddr a = Multiaddr.parse(text);
        Optional<PeerId> inAddr = a.peerId();
        if (inAddr.isPresent() && peer.isPresent() && !inAddr.get().equals(peer.get())) {
          problems.add("icon-addr '" + abbreviate(text) + "' names another peer than icon-peer");
          continue;
        }
        addrs.add(a);
      } catch (RuntimeException e) {
        problems.add("invalid icon-addr '" + abbreviate(text) + "': " + e.getMessage());
      }
    }
    return new ProviderTxt(peer, new ArrayList<>(addrs), problems);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
