package dev.icon.market.negotiate;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AgreementStore} in a concurrent map: nothing survives the process. Thread-safe. */
public final class MemoryAgreementStore implements AgreementStore {

  private final Map<AgreementId, byte[]> agreements = new ConcurrentHashMap<>();

  @Override
  public boolean saveIfAbsent(AgreementId id, byte[] agreement) {
    return agreements.putIfAbsent(id, agreement.clone()) == null;
  }

  @Override
  public Optional<byte[]> find(AgreementId id) {
    return Optional.ofNullable(agreements.get(id)).map(byte[]::clone);
  }

  /** How many agreements are stored. */
  public int size() {
    return agreements.size();
  }
}
