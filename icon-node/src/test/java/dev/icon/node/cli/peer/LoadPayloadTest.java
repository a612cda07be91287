package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoadPayloadTest {

  @Test
  void sequenceNumberAndSendTimeAreBigEndianInTheFirst16BytesWithZerosAfter() {
    byte[] bytes = new LoadPayload(258, 0x0102030405060708L).encode(20);
    assertThat(bytes).containsExactly(0, 0, 0, 0, 0, 0, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0);
    assertThat(LoadPayload.decode(bytes)).isEqualTo(new LoadPayload(258, 0x0102030405060708L));
  }

  @Test
  void payloadsShorterThanTheHeaderAreRefused() {
    assertThatThrownBy(() -> new LoadPayload(1, 1).encode(15))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LoadPayload.decode(new byte[15])).isNull();
  }

  @Test
  void nowIsMicrosecondsSinceTheEpoch() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000, 123_456_789), ZoneOffset.UTC);
    assertThat(LoadPayload.nowMicros(clock)).isEqualTo(1_700_000_000_123_456L);
  }
}
