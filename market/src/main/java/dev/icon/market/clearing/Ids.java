package dev.icon.market.clearing;

/** Checks the ids and names that bids, asks and trades carry. */
final class Ids {

  /** Longest id accepted, in chars: room for a peer id plus a suffix. */
  static final int MAX_LENGTH = 256;

  private Ids() {}

  static void check(String what, String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " chars");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(what + " contains a control character");
      }
    }
  }
}
