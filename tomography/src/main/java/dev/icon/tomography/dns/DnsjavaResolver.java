package dev.icon.tomography.dns;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the configured servers with dnsjava: each try sends the query to the servers in order,
 * moving on after a timeout, network error, SERVFAIL or REFUSED; {@link DnsConfig#retries()} more
 * tries follow. The first NOERROR or NXDOMAIN reply is the answer; otherwise the last failure.
 *
 * <p>Thread-safe; futures complete on dnsjava's I/O thread or the common pool (keep callbacks
 * short). Truncated UDP replies are retried over TCP by dnsjava.
 */
public final class DnsjavaResolver implements DnsResolver {

  private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);

  private final List<SimpleResolver> servers;
  private final int tries;

  /** A resolver asking {@code config}'s servers with its timeout and retries. */
  public DnsjavaResolver(DnsConfig config) {
    this.servers = config.servers().stream().map(a -> resolver(a, config)).toList();
    this.tries = config.retries() + 1;
  }

  @Override
  public CompletableFuture<DnsAnswer> query(Name name, int type) {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    return attempt(query, type, 0, null);
  }

  private CompletableFuture<DnsAnswer> attempt(Message query, int type, int n, DnsAnswer last) {
    if (n >= tries * servers.size()) {
      return CompletableFuture.completedFuture(last);
    }
    SimpleResolver server = servers.get(n % servers.size());
    return server.sendAsync(query).toCompletableFuture()
        .handle((reply, error) -> error == null ? DnsAnswers.from(reply, type) : failure(error))
        .thenCompose(answer -> {
          if (answer.status() == DnsStatus.OK || answer.status().isNegative()) {
            return CompletableFuture.completedFuture(answer);
          }
          LOG.debug("{} {} from {}: {} {}", query.getQuestion().getName(),
              Type.string(type), server.getAddress(), answer.status(), answer.detail());
          return attempt(query, type, n + 1, answer);
        });
  }

  private static DnsAnswer failure(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof java.net.SocketTimeoutException
        || e instanceof java.util.concurrent.TimeoutException) {
      return DnsAnswer.failed(DnsStatus.TIMEOUT, "no answer in time: " + e.getMessage());
    }
    return DnsAnswer.failed(DnsStatus.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static SimpleResolver resolver(InetSocketAddress address, DnsConfig config) {
    SimpleResolver r = new SimpleResolver(address);
    r.setTimeout(config.timeout());
    return r;
  }
}
