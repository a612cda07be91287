package dev.icon.market.negotiate;

import java.util.Optional;

/**
 * Where a peer keeps the agreements it concluded: the serialized {@code Agreement} (terms and both
 * signatures) under its id. The seam to the ledger: an in-memory store ({@link
 * MemoryAgreementStore}) for tests and single processes, an Atomix-backed one for durability.
 *
 * <p>Implementations are thread-safe; the negotiation calls them on a Netty event loop, so they
 * should answer quickly (a durable store may block for one replicated write).
 */
public interface AgreementStore {

  /**
   * Stores {@code agreement} under {@code id} unless the id is taken. Returns true when stored,
   * false when an agreement with that id exists (it is not replaced).
   *
   * @throws RuntimeException when the store cannot write (the negotiation fails with {@link
   *     NegotiateError#STORE_FAILED})
   */
  boolean saveIfAbsent(AgreementId id, byte[] agreement);

  /** The stored agreement's bytes, or empty. */
  Optional<byte[]> find(AgreementId id);
}
