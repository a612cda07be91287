package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Component;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.multiaddr.Protocol;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Resolves {@code /dnsaddr/<name>[/p2p/<id>]} multiaddrs (libp2p dnsaddr spec): the TXT records of
 * {@code _dnsaddr.<name>} of the form {@code dnsaddr=<multiaddr>}; with a {@code /p2p/<id>} suffix
 * only records ending in the same id are kept. Nested {@code /dnsaddr/} results are resolved up to
 * {@link #MAX_DEPTH} levels; at most {@link #MAX_RESULTS} addresses are returned. Other addresses
 * pass through unchanged; unparsable records are skipped.
 *
 * <p>Thread-safe. {@link #resolve} blocks on DNS in the given executor, never in the caller.
 */
public final class DnsaddrResolver {

  /** Nesting levels of {@code /dnsaddr/} followed. */
  public static final int MAX_DEPTH = 4;

  /** Addresses returned at most, bounding what a hostile zone can make us dial. */
  public static final int MAX_RESULTS = 64;

  /** TXT lookup seam: the TXT record strings of a DNS name (empty if none). */
  @FunctionalInterface
  public interface TxtLookup {
    /** The TXT strings of {@code name}; may block. */
    List<String> txt(String name) throws Exception;
  }

  private final TxtLookup lookup;

  /** A resolver using {@code lookup}. */
  public DnsaddrResolver(TxtLookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** A resolver using the system's DNS through JNDI. */
  public static DnsaddrResolver system() {
    return new DnsaddrResolver(name -> jndiTxt(null, name));
  }

  /**
   * A resolver asking the DNS server at {@code host:port} (e.g. {@code 127.0.0.1:5353}; an IPv6
   * address in brackets) through JNDI, instead of the system's resolvers.
   */
  public static DnsaddrResolver usingServer(String hostPort) {
    String url = "dns://" + Objects.requireNonNull(hostPort, "hostPort");
    return new DnsaddrResolver(name -> jndiTxt(url, name));
  }

  /** Resolves {@code address} on {@code executor}; fails only if the lookup itself fails. */
  public CompletableFuture<List<Multiaddr>> resolve(Multiaddr address, Executor executor) {
    if (!isDnsaddr(address)) {
      return CompletableFuture.completedFuture(List.of(address));
    }
    return CompletableFuture.supplyAsync(() -> {
      Set<Multiaddr> out = new LinkedHashSet<>();
      try {
        expand(address, 0, out);
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
      return List.copyOf(out);
    }, executor);
  }

  /** Whether {@code address} starts with {@code /dnsaddr/}. */
  public static boolean isDnsaddr(Multiaddr address) {
    List<Component> c = address.components();
    return !c.isEmpty() && c.get(0).protocol() == Protocol.DNSADDR;
  }

  private void expand(Multiaddr address, int depth, Set<Multiaddr> out) throws Exception {
    if (out.size() >= MAX_RESULTS) {
      return;
    }
    if (!isDnsaddr(address)) {
      out.add(address);
      return;
    }
    if (depth >= MAX_DEPTH) {
      return;
    }
    String name = address.components().get(0).valueText();
    Optional<PeerId> wanted = address.peerId();
    for (String record : lookup.txt("_dnsaddr." + name)) {
      if (!record.startsWith("dnsaddr=")) {
        continue;
      }
      Multiaddr found;
      try {
        found = Multiaddr.parse(record.substring("dnsaddr=".length()));
      } catch (RuntimeException e) {
        continue;
      }
      if (wanted.isPresent() && !wanted.equals(found.peerId())) {
        continue;
      }
      expand(found, depth + 1, out);
      if (out.size() >= MAX_RESULTS) {
        return;
      }
    }
  }

  /** TXT strings of {@code name} from {@code serverUrl} ({@code dns://host:port}) or the system's. */
  private static List<String> jndiTxt(String serverUrl, String name) throws NamingException {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    if (serverUrl != null) {
      env.put("java.naming.provider.url", serverUrl);
    }
    DirContext ctx = new InitialDirContext(env);
    try {
      Attribute txt = ctx.getAttributes(name, new String[] {"TXT"}).get("TXT");
      List<String> out = new ArrayList<>();
      if (txt != null) {
        NamingEnumeration<?> values = txt.getAll();
        while (values.hasMore()) {
          out.add(unquote(String.valueOf(values.next())));
        }
      }
      return out;
    } catch (javax.naming.NameNotFoundException e) {
      return List.of();
    } finally {
      ctx.close();
    }
  }

  /** JNDI returns TXT strings quoted when they contain spaces; strip surrounding quotes. */
  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
