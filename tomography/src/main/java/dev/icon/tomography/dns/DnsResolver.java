package dev.icon.tomography.dns;

import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;

/**
 * Asks DNS one question. The seam between discovery and DNS servers: {@link DnsjavaResolver} asks
 * real servers, {@link CachingDnsResolver} remembers answers, tests substitute their own.
 *
 * <p>Implementations are thread-safe and return at once.
 */
public interface DnsResolver {

  /**
   * The records of {@code type} (an {@link org.xbill.DNS.Type} code) at {@code name}. The future
   * does not fail for DNS-level problems: those are a {@link DnsAnswer} with a failure status.
   */
  CompletableFuture<DnsAnswer> query(Name name, int type);
}
