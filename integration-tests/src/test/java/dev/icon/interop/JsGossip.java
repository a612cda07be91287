package dev.icon.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.overlay.identity.PeerId;
import java.util.HexFormat;

/**
 * Reading the gossip events of the js peer (and of {@code ./icon peer}, which prints the same):
 * message ids and recipients, and the message id js computes by default. Stateless.
 */
final class JsGossip {

  private JsGossip() {}

  /**
   * js-libp2p gossipsub's default message id under StrictSign, {@code protobuf(PublicKey) ||
   * seqno}, in lower-case hex, for an author whose key is inlined in its peer id (Ed25519).
   */
  static String expectedMessageId(PeerId author, String seqnoHex) {
    byte[] key = author.extractPublicKey()
        .orElseThrow(() -> new AssertionError("no inlined key in " + author))
        .toProtobuf();
    return HexFormat.of().formatHex(key) + seqnoHex.toLowerCase(java.util.Locale.ROOT);
  }

  /** The {@code msgId} of a {@code message} event, as lower-case hex. */
  static String msgIdHex(JsonNode event) {
    return event.path("msgId").asText().toLowerCase(java.util.Locale.ROOT);
  }
}
