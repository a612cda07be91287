package dev.icon.market.store;

import dev.icon.market.ledger.Ledger;
import dev.icon.market.ledger.LedgerError;
import dev.icon.market.ledger.LedgerException;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.AgreementStore;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AgreementStore} on a {@link Ledger}: agreements are stored under the hex form of
 * their id ({@link AgreementId#toString()}), write-once. Saving the identical bytes again counts
 * as stored (the ledger is idempotent); different bytes under a taken id are refused ({@code
 * false}, nothing replaced). Any other ledger failure (timeout, no quorum, closed) is thrown, so
 * the negotiation fails with {@code STORE_FAILED} and the provider never sends an agreement it has
 * not made durable.
 *
 * <p>Thread-safe as the ledger is; each call blocks for at most the ledger's operation timeout.
 */
public final class LedgerAgreementStore implements AgreementStore {

  private final Ledger ledger;

  /** A store writing to {@code ledger} (not closed by this store). */
  public LedgerAgreementStore(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public boolean saveIfAbsent(AgreementId id, byte[] agreement) {
    try {
      ledger.putAgreement(id.toString(), agreement);
      return true;
    } catch (LedgerException e) {
      if (e.error() == LedgerError.CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<byte[]> find(AgreementId id) {
    return ledger.agreement(id.toString());
  }
}
