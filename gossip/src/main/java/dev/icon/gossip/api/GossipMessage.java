package dev.icon.gossip.api;

import dev.icon.overlay.identity.PeerId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A received gossip message as the application sees it. Immutable: the byte accessors return
 * copies.
 *
 * @param topic the topic it was published to
 * @param from the author (absent, {@code null}, under StrictNoSign)
 * @param seqno the author's sequence number, big-endian (absent, {@code null}, under StrictNoSign)
 * @param id the message id under the router's message-id function
 * @param receivedFrom the neighbour that sent it to us
 */
public record GossipMessage(String topic, PeerId from, byte[] data, byte[] seqno, MessageId id,
    PeerId receivedFrom) {

  /** Copies the arrays and rejects a null topic, data, id or neighbour. */
  public GossipMessage {
    Objects.requireNonNull(topic, "topic");
    data = Objects.requireNonNull(data, "data").clone();
    seqno = seqno == null ? null : seqno.clone();
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receivedFrom, "receivedFrom");
  }

  /** A copy of the payload. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** A copy of the sequence number, or {@code null}. */
  @Override
  public byte[] seqno() {
    return seqno == null ? null : seqno.clone();
  }

  /** The payload's length, without copying it. */
  public int size() {
    return data.length;
  }

  /** The sequence number in lower-case hex, or {@code ""} when absent. */
  public String seqnoHex() {
    return seqno == null ? "" : HexFormat.of().formatHex(seqno);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GossipMessage m && topic.equals(m.topic) && Objects.equals(from, m.from)
        && Arrays.equals(data, m.data) && Arrays.equals(seqno, m.seqno) && id.equals(m.id)
        && receivedFrom.equals(m.receivedFrom);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + receivedFrom.hashCode();
  }

  @Override
  public String toString() {
    return "GossipMessage[topic=" + topic + ", from=" + from + ", id=" + id + ", size="
        + data.length + ", receivedFrom=" + receivedFrom + "]";
  }
}
