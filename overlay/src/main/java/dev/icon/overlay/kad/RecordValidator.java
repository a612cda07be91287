package dev.icon.overlay.kad;

import java.util.List;

/**
 * Validates and ranks the records of one key namespace ({@code /namespace/...}), as the kad-dht
 * spec's {@code Validator}. Registered in {@link RecordValidators}, which checks sizes and routes
 * each key to its namespace's validator. Implementations are pure and thread-safe.
 */
public interface RecordValidator {

  /**
   * Accepts the record, or throws a {@link KadException} whose {@link KadError} says why not (e.g.
   * {@link KadError#MALFORMED_KEY}, {@link KadError#BAD_SIGNATURE}, {@link
   * KadError#EXPIRED_RECORD}). Called on values received from GET_VALUE and before storing a
   * PUT_VALUE.
   */
  void validate(byte[] key, byte[] value);

  /**
   * The index of the best of {@code values} (all already valid, at least one) for {@code key}, e.g.
   * the newest. Stable: the same inputs give the same answer, and ties go to the lowest index.
   */
  int select(byte[] key, List<byte[]> values);
}
