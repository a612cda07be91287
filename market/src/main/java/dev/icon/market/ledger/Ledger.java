package dev.icon.market.ledger;

/**
 * The provider's durable record of agreements, usage receipts and budgets: the seam between the
 * market and its storage. Values are opaque bytes (the signed protobufs of {@code icon/*.proto})
 * keyed by ids; the ledger checks only what it can check without parsing them: agreements are
 * write-once, receipts are cumulative and never go backwards, budgets never go below zero.
 *
 * <p>Implementations: {@link InMemoryLedger} (tests, simulation) and {@link AtomixLedger} (Raft,
 * one embedded member by default, a cluster of the provider's own nodes when configured). A call
 * that returns normally is acknowledged: in {@link AtomixLedger} it has been committed by a
 * majority of the members and survives a crash of any minority of them.
 *
 * <p>Errors: every refusal is a {@link LedgerException} whose {@link LedgerError} says why
 * (invalid argument, conflict, receipt going backwards, unknown agreement, timeout...). A call
 * that times out has an unknown outcome ({@link LedgerError#TIMEOUT}).
 *
 * <p>Threading: implementations are thread-safe; every method blocks the caller at most for the
 * implementation's operation timeout. {@link #close()} is idempotent; calls after it fail with
 * {@link LedgerError#CLOSED}.
 */
public interface Ledger extends AutoCloseable {

  /** Largest accepted signed agreement or receipt: 64 KiB bounds what one peer can make us store. */
  int MAX_RECORD_BYTES = 64 * 1024;

  /** Longest accepted agreement id or account name, in characters. */
  int MAX_ID_LENGTH = 256;

  /**
   * Stores {@code signedAgreement} under {@code agreementId}. Idempotent: storing the same bytes
   * again is accepted and changes nothing.
   *
   * @return {@code true} if stored now, {@code false} if the identical agreement was already there
   * @throws LedgerException {@link LedgerError#CONFLICT} if a different agreement has this id
   */
  boolean putAgreement(String agreementId, byte[] signedAgreement);

  /** The agreement stored under {@code agreementId} (a copy), or empty. */
  java.util.Optional<byte[]> agreement(String agreementId);

  /**
   * Records the latest usage receipt of an agreement: its cumulative amount must not go
   * backwards. Atomic (compare-and-set against the stored receipt, retried on contention).
   * Recording the identical receipt again is accepted and changes nothing.
   *
   * @return the receipt stored after the call (this one)
   * @throws LedgerException {@link LedgerError#UNKNOWN_AGREEMENT} if no agreement has this id,
   *     {@link LedgerError#RECEIPT_BACKWARDS} if the stored cumulative amount is larger,
   *     {@link LedgerError#CONFLICT} if a different receipt has the same cumulative amount
   */
  LedgerReceipt recordReceipt(String agreementId, long cumulativeAmount, byte[] signedReceipt);

  /**
   * Replaces the latest receipt of an agreement only if it is still {@code expectedSignedReceipt}
   * (byte for byte; {@code null}: no receipt yet): for a caller that checks each receipt against
   * the previous one (sequence, signature) before storing it. Atomic; never goes backwards.
   *
   * @return {@code true} if stored, {@code false} if the latest receipt is no longer the expected
   *     one (re-read with {@link #receipt} and check again)
   * @throws LedgerException {@link LedgerError#UNKNOWN_AGREEMENT}, or
   *     {@link LedgerError#RECEIPT_BACKWARDS} if the expected receipt's amount is larger
   */
  boolean compareAndSetReceipt(String agreementId, byte[] expectedSignedReceipt, long cumulativeAmount,
      byte[] signedReceipt);

  /** The latest receipt recorded for {@code agreementId}, or empty. */
  java.util.Optional<LedgerReceipt> receipt(String agreementId);

  /** The remaining budget of {@code account}; 0 for an account never granted anything. */
  long budget(String account);

  /**
   * Adds {@code amount} (positive) to the budget of {@code account}, creating it if needed.
   *
   * @return the budget after the grant
   */
  long grant(String account, long amount);

  /**
   * Takes {@code amount} (positive) from the budget of {@code account} if, and only if, that much
   * is left. Atomic: concurrent spends from any number of threads, clients or members never take
   * more than was granted.
   *
   * @return {@code true} if spent, {@code false} if the budget is too small (nothing changed)
   */
  boolean spend(String account, long amount);

  /**
   * Gives back {@code amount} (positive) to an account that exists (was granted before).
   *
   * @return the budget after the refund
   * @throws LedgerException {@link LedgerError#UNKNOWN_ACCOUNT} if the account was never granted
   */
  long refund(String account, long amount);

  /** Releases this ledger's resources; idempotent. Stored data stays (on disk, for Atomix). */
  @Override
  void close();
}
