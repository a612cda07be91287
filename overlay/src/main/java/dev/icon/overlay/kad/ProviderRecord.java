package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One provider of a key, as stored by {@link ProviderStore}: who, where (binary multiaddrs, as on
 * the wire, unparsed), and until when the record is valid. Immutable.
 */
public record ProviderRecord(PeerId provider, List<ByteString> addrs, Instant expiresAt) {

  /** Copies {@code addrs}. */
  public ProviderRecord {
    Objects.requireNonNull(provider, "provider");
    addrs = List.copyOf(addrs);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
