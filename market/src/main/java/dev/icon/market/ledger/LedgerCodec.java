package dev.icon.market.ledger;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The ledger's stored value formats, stateless: a budget is 8 bytes (big-endian balance); a
 * receipt is 8 bytes of cumulative amount followed by the signed receipt bytes.
 */
final class LedgerCodec {

  private LedgerCodec() {}

  static byte[] encodeBalance(long balance) {
    return ByteBuffer.allocate(Long.BYTES).putLong(balance).array();
  }

  static long decodeBalance(byte[] value) {
    if (value.length != Long.BYTES) {
      throw new LedgerException(LedgerError.STORE_FAILURE, "stored budget has " + value.length + " bytes, not 8");
    }
    return ByteBuffer.wrap(value).getLong();
  }

  static byte[] encodeReceipt(long cumulativeAmount, byte[] signedReceipt) {
    return ByteBuffer.allocate(Long.BYTES + signedReceipt.length)
        .putLong(cumulativeAmount).put(signedReceipt).array();
  }

  static LedgerReceipt decodeReceipt(String agreementId, byte[] value) {
    if (value.length < Long.BYTES) {
      throw new LedgerException(LedgerError.STORE_FAILURE, "stored receipt of " + agreementId + " is truncated");
    }
    long amount = ByteBuffer.wrap(value).getLong();
    return new LedgerReceipt(agreementId, amount, Arrays.copyOfRange(value, Long.BYTES, value.length));
  }
}
