package dev.icon.market.ledger;

/** Argument checks shared by the ledger's operations; each names the argument at fault. */
final class LedgerArguments {

  private LedgerArguments() {}

  static void id(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw invalid(name + " must not be null or empty");
    }
    if (value.length() > Ledger.MAX_ID_LENGTH) {
      throw invalid(name + " is " + value.length() + " characters, more than " + Ledger.MAX_ID_LENGTH);
    }
  }

  static void record(String name, byte[] value) {
    if (value == null || value.length == 0) {
      throw invalid(name + " must not be null or empty");
    }
    if (value.length > Ledger.MAX_RECORD_BYTES) {
      throw invalid(name + " is " + value.length + " bytes, more than " + Ledger.MAX_RECORD_BYTES);
    }
  }

  static void positive(String name, long value) {
    if (value <= 0) {
      throw invalid(name + " must be positive: " + value);
    }
  }

  static void nonNegative(String name, long value) {
    if (value < 0) {
      throw invalid(name + " must not be negative: " + value);
    }
  }

  private static LedgerException invalid(String message) {
    return new LedgerException(LedgerError.INVALID_ARGUMENT, message);
  }
}
