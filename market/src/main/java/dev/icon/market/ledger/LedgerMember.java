package dev.icon.market.ledger;

import java.util.Objects;

/**
 * One member of a ledger cluster: its id and the host and port its Atomix messaging listens on.
 * Immutable. Written {@code id@host:port} in configuration ({@link #parse}).
 *
 * @param id member id, unique in the cluster
 * @param host IP address or name the other members reach it at
 * @param port messaging port; 0 only for a single member (a free one is picked at start)
 */
public record LedgerMember(String id, String host, int port) {

  /** Validates the fields; names the field at fault. */
  public LedgerMember {
    Objects.requireNonNull(id, "LedgerMember.id");
    Objects.requireNonNull(host, "LedgerMember.host");
    if (id.isBlank() || id.contains("@")) {
      throw new IllegalArgumentException("LedgerMember.id must be non-blank without '@': '" + id + "'");
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("LedgerMember.host must not be blank (member " + id + ")");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("LedgerMember.port must be in [0, 65535]: " + port + " (member " + id + ")");
    }
  }

  /** Parses {@code id@host:port}, e.g. {@code ledger-2@10.0.0.2:5679}. */
  public static LedgerMember parse(String text) {
    Objects.requireNonNull(text, "text");
    int at = text.indexOf('@');
    int colon = text.lastIndexOf(':');
    if (at <= 0 || colon < at + 2 || colon == text.length() - 1) {
      throw new IllegalArgumentException("a ledger member is written id@host:port, not '" + text + "'");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port of ledger member '" + text + "' is not a number", e);
    }
    return new LedgerMember(text.substring(0, at), text.substring(at + 1, colon), port);
  }

  @Override
  public String toString() {
    return id + "@" + host + ":" + port;
  }
}
