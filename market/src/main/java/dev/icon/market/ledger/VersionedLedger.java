package dev.icon.market.ledger;

import dev.icon.market.ledger.LedgerStore.Entry;
import dev.icon.market.ledger.LedgerStore.Table;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's rules, written once over a {@link LedgerStore}: write-once agreements, monotonic
 * receipts and never-negative budgets, each read-modify-write a compare-and-set on the key's
 * version, retried when another writer got there first. The store's atomicity per key is all
 * the safety rests on, so the same code is exact in memory and on a Raft cluster.
 *
 * <p>Thread-safe if the store is.
 */
abstract class VersionedLedger implements Ledger {

  /** Compare-and-set attempts before giving up: only reached under pathological contention. */
  private static final int MAX_ATTEMPTS = 10_000;

  private final LedgerStore store;

  VersionedLedger(LedgerStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public boolean putAgreement(String agreementId, byte[] signedAgreement) {
    LedgerArguments.id("agreementId", agreementId);
    LedgerArguments.record("signedAgreement", signedAgreement);
    Optional<Entry> present = store.putIfAbsent(Table.AGREEMENTS, agreementId, signedAgreement);
    if (present.isEmpty()) {
      return true;
    }
    if (Arrays.equals(present.get().value(), signedAgreement)) {
      return false;
    }
    throw new LedgerException(LedgerError.CONFLICT,
        "agreement " + agreementId + " is already stored with different bytes");
  }

  @Override
  public Optional<byte[]> agreement(String agreementId) {
    LedgerArguments.id("agreementId", agreementId);
    return store.get(Table.AGREEMENTS, agreementId).map(Entry::value);
  }

  @Override
  public LedgerReceipt recordReceipt(String agreementId, long cumulativeAmount, byte[] signedReceipt) {
    LedgerArguments.id("agreementId", agreementId);
    LedgerArguments.nonNegative("cumulativeAmount", cumulativeAmount);
    LedgerArguments.record("signedReceipt", signedReceipt);
    if (store.get(Table.AGREEMENTS, agreementId).isEmpty()) {
      throw new LedgerException(LedgerError.UNKNOWN_AGREEMENT, "no agreement " + agreementId);
    }
    byte[] encoded = LedgerCodec.encodeReceipt(cumulativeAmount, signedReceipt);
    LedgerReceipt wanted = new LedgerReceipt(agreementId, cumulativeAmount, signedReceipt);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Entry> current = store.get(Table.RECEIPTS, agreementId);
      if (current.isEmpty()) {
        if (store.putIfAbsent(Table.RECEIPTS, agreementId, encoded).isEmpty()) {
          return wanted;
        }
        continue;
      }
      LedgerReceipt stored = LedgerCodec.decodeReceipt(agreementId, current.get().value());
      if (cumulativeAmount < stored.cumulativeAmount()) {
        throw new LedgerException(LedgerError.RECEIPT_BACKWARDS, "receipt of " + agreementId
            + " for " + cumulativeAmount + " is below the recorded " + stored.cumulativeAmount());
      }
      if (cumulativeAmount == stored.cumulativeAmount()) {
        if (stored.sameAs(cumulativeAmount, signedReceipt)) {
          return stored;
        }
        throw new LedgerException(LedgerError.CONFLICT, "a different receipt of " + agreementId
            + " for " + cumulativeAmount + " is already recorded");
      }
      if (store.replace(Table.RECEIPTS, agreementId, current.get().version(), encoded)) {
        return wanted;
      }
    }
    throw contention("recordReceipt", agreementId);
  }

  @Override
  public boolean compareAndSetReceipt(String agreementId, byte[] expectedSignedReceipt, long cumulativeAmount,
      byte[] signedReceipt) {
    LedgerArguments.id("agreementId", agreementId);
    LedgerArguments.nonNegative("cumulativeAmount", cumulativeAmount);
    LedgerArguments.record("signedReceipt", signedReceipt);
    if (expectedSignedReceipt != null) {
      LedgerArguments.record("expectedSignedReceipt", expectedSignedReceipt);
    }
    if (store.get(Table.AGREEMENTS, agreementId).isEmpty()) {
      throw new LedgerException(LedgerError.UNKNOWN_AGREEMENT, "no agreement " + agreementId);
    }
    byte[] encoded = LedgerCodec.encodeReceipt(cumulativeAmount, signedReceipt);
    Optional<Entry> current = store.get(Table.RECEIPTS, agreementId);
    if (current.isEmpty()) {
      return expectedSignedReceipt == null
          && store.putIfAbsent(Table.RECEIPTS, agreementId, encoded).isEmpty();
    }
    LedgerReceipt stored = LedgerCodec.decodeReceipt(agreementId, current.get().value());
    if (expectedSignedReceipt == null || !stored.sameAs(stored.cumulativeAmount(), expectedSignedReceipt)) {
      return false;
    }
    if (cumulativeAmount < stored.cumulativeAmount()) {
      throw new LedgerException(LedgerError.RECEIPT_BACKWARDS, "receipt of " + agreementId
          + " for " + cumulativeAmount + " is below the recorded " + stored.cumulativeAmount());
    }
    return store.replace(Table.RECEIPTS, agreementId, current.get().version(), encoded);
  }

  @Override
  public Optional<LedgerReceipt> receipt(String agreementId) {
    LedgerArguments.id("agreementId", agreementId);
    return store.get(Table.RECEIPTS, agreementId)
        .map(e -> LedgerCodec.decodeReceipt(agreementId, e.value()));
  }

  @Override
  public long budget(String account) {
    LedgerArguments.id("account", account);
    return store.get(Table.BUDGETS, account).map(e -> LedgerCodec.decodeBalance(e.value())).orElse(0L);
  }

  @Override
  public long grant(String account, long amount) {
    return add(account, amount, true);
  }

  @Override
  public long refund(String account, long amount) {
    return add(account, amount, false);
  }

  @Override
  public boolean spend(String account, long amount) {
    LedgerArguments.id("account", account);
    LedgerArguments.positive("amount", amount);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Entry> current = store.get(Table.BUDGETS, account);
      if (current.isEmpty()) {
        return false;
      }
      long balance = LedgerCodec.decodeBalance(current.get().value());
      if (balance < amount) {
        return false;
      }
      byte[] next = LedgerCodec.encodeBalance(balance - amount);
      if (store.replace(Table.BUDGETS, account, current.get().version(), next)) {
        return true;
      }
    }
    throw contention("spend", account);
  }

  @Override
  public void close() {
    store.close();
  }

  private long add(String account, long amount, boolean createIfAbsent) {
    LedgerArguments.id("account", account);
    LedgerArguments.positive("amount", amount);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Entry> current = store.get(Table.BUDGETS, account);
      if (current.isEmpty()) {
        if (!createIfAbsent) {
          throw new LedgerException(LedgerError.UNKNOWN_ACCOUNT, "no budget was ever granted to " + account);
        }
        if (store.putIfAbsent(Table.BUDGETS, account, LedgerCodec.encodeBalance(amount)).isEmpty()) {
          return amount;
        }
        continue;
      }
      long balance = LedgerCodec.decodeBalance(current.get().value());
      if (balance > Long.MAX_VALUE - amount) {
        throw new LedgerException(LedgerError.INVALID_ARGUMENT,
            "amount " + amount + " would overflow the budget of " + account + " (" + balance + ")");
      }
      if (store.replace(Table.BUDGETS, account, current.get().version(), LedgerCodec.encodeBalance(balance + amount))) {
        return balance + amount;
      }
    }
    throw contention(createIfAbsent ? "grant" : "refund", account);
  }

  private static LedgerException contention(String operation, String key) {
    return new LedgerException(LedgerError.STORE_FAILURE,
        operation + " on " + key + " lost " + MAX_ATTEMPTS + " compare-and-set races in a row");
  }
}
