package dev.icon.gossip.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdTest {

  @Test
  void equalityAndHashAreOnContent() {
    MessageId a = MessageId.of(new byte[] {1, 2, (byte) 0xff});
    MessageId b = MessageId.of(new byte[] {1, 2, (byte) 0xff});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(MessageId.of(new byte[] {1, 2}));
  }

  @Test
  void isImmutableAgainstCallerArrays() {
    byte[] raw = {7, 8};
    MessageId id = MessageId.of(raw);
    raw[0] = 0;
    byte[] out = id.toBytes();
    out[1] = 0;
    assertThat(id.toBytes()).containsExactly(7, 8);
  }

  @Test
  void hexRoundTrip() {
    MessageId id = MessageId.of(new byte[] {0x0a, (byte) 0xbc, 0});
    assertThat(id.toString()).isEqualTo("0abc00");
    assertThat(MessageId.fromHex("0ABC00")).isEqualTo(id);
    assertThat(id.length()).isEqualTo(3);
  }

  @Test
  void ordersUnsigned() {
    assertThat(MessageId.of(new byte[] {(byte) 0x80}).compareTo(MessageId.of(new byte[] {0x7f})))
        .isPositive();
  }
}
