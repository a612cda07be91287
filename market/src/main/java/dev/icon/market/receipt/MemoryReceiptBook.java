package dev.icon.market.receipt;

import dev.icon.market.negotiate.AgreementId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ReceiptBook} in a concurrent map: nothing survives the process. Thread-safe. */
public final class MemoryReceiptBook implements ReceiptBook {

  private final ConcurrentMap<AgreementId, Entry> last = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> last(AgreementId id) {
    return Optional.ofNullable(last.get(id));
  }

  @Override
  public boolean compareAndSet(AgreementId id, Entry expected, Entry next) {
    if (expected == null) {
      return last.putIfAbsent(id, next) == null;
    }
    boolean[] swapped = {false};
    last.computeIfPresent(id, (k, current) -> {
      if (current.sequence() == expected.sequence()) {
        swapped[0] = true;
        return next;
      }
      return current;
    });
    return swapped[0];
  }
}
