package dev.icon.tomography.dns;

import dev.icon.overlay.multiaddr.Multiaddr;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Registers and unregisters providers by RFC 2136 dynamic update, signed with TSIG, sent to one
 * server (over TCP, so large TXT sets fit). A registration replaces what was at the service name.
 *
 * <p>Thread-safe; methods return at once. Futures fail with {@link DnsUpdateException} when the
 * server refuses (its rcode named), the reply's signature does not verify, or it times out.
 */
public final class DnsUpdater {

  private final SimpleResolver resolver;

  /** An updater sending to {@code server}, signing with {@code key}, waiting {@code timeout}. */
  public DnsUpdater(InetSocketAddress server, TSIG key, Duration timeout) {
    this.resolver = new SimpleResolver(server);
    resolver.setTSIGKey(key);
    resolver.setTCP(true);
    resolver.setTimeout(timeout);
  }

  /** Publishes {@code r}: SRV and TXT at its service name (replacing), and target addresses. */
  public CompletableFuture<Void> register(ProviderRegistration r) {
    Update u = new Update(r.zone());
    Name service = r.serviceName();
    u.delete(service, Type.SRV);
    u.add(new SRVRecord(service, DClass.IN, r.ttl(), r.priority(), r.weight(), r.port(),
        r.target()));
    u.delete(service, Type.TXT);
    List<String> strings = new ArrayList<>();
    strings.add(ProviderTxt.PEER_PREFIX + r.peerId());
    for (Multiaddr a : r.addrs()) {
      strings.add(ProviderTxt.ADDR_PREFIX + a);
    }
    u.add(new TXTRecord(service, DClass.IN, r.ttl(), strings));
    if (!r.targetAddresses().isEmpty()) {
      u.delete(r.target(), Type.A);
      u.delete(r.target(), Type.AAAA);
      for (InetAddress ip : r.targetAddresses()) {
        u.add(ip instanceof Inet4Address
            ? new ARecord(r.target(), DClass.IN, r.ttl(), ip)
            : new AAAARecord(r.target(), DClass.IN, r.ttl(), ip));
      }
    }
    return send(u, "register " + service);
  }

  /** Removes the SRV and TXT records at {@code <label>.<name>} in {@code zone}. */
  public CompletableFuture<Void> unregister(Name zone, Name serviceName) {
    if (!serviceName.subdomain(zone)) {
      return CompletableFuture.failedFuture(new DnsUpdateException(
          serviceName + " is not inside zone " + zone));
    }
    Update u = new Update(zone);
    u.delete(serviceName, Type.SRV);
    u.delete(serviceName, Type.TXT);
    return send(u, "unregister " + serviceName);
  }

  private CompletableFuture<Void> send(Update update, String what) {
    return resolver.sendAsync(update).toCompletableFuture().handle((reply, error) -> {
      if (error != null) {
        Throwable e = error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error;
        throw new DnsUpdateException(what + " to " + resolver.getAddress() + " failed: " + e, e);
      }
      check(reply, what);
      return null;
    });
  }

  private void check(Message reply, String what) {
    int rcode = reply.getRcode();
    if (rcode != Rcode.NOERROR) {
      throw new DnsUpdateException(what + " refused by " + resolver.getAddress() + ": "
          + Rcode.string(rcode) + (rcode == Rcode.NOTAUTH
              ? " (wrong TSIG key, or the server is not authoritative for the zone)" : ""));
    }
    if (!reply.isVerified()) {
      throw new DnsUpdateException(what + ": the reply's TSIG signature did not verify");
    }
  }
}
