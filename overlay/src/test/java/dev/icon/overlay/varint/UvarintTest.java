package dev.icon.overlay.varint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UvarintTest {

  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7f",
    "128, 8001",
    "255, ff01",
    "300, ac02",
    "16384, 808001",
    "421, a503",
    "9223372036854775807, ffffffffffffffff7f",
  })
  void encodesAndDecodesKnownValues(long value, String hex) {
    assertThat(HEX.formatHex(Uvarint.encode(value))).isEqualTo(hex);
    assertThat(Uvarint.encodedLength(value)).isEqualTo(hex.length() / 2);
    assertThat(Uvarint.decode(HEX.parseHex(hex), 0))
        .isEqualTo(new Uvarint.Decoded(value, hex.length() / 2));

    ByteBuf buf = Unpooled.buffer();
    try {
      Uvarint.write(buf, value);
      assertThat(HEX.formatHex(io.netty.buffer.ByteBufUtil.getBytes(buf))).isEqualTo(hex);
      assertThat(Uvarint.read(buf)).isEqualTo(value);
      assertThat(buf.isReadable()).isFalse();
    } finally {
      buf.release();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "80", "ffff", "8000", "ff00", "ffffffffffffffffff01"})
  void rejectsTruncatedNonMinimalAndOverlongInput(String hex) {
    assertThatThrownBy(() -> Uvarint.decode(HEX.parseHex(hex), 0))
        .isInstanceOf(VarintException.class);
  }

  @Test
  void decodesAtAnOffset() {
    assertThat(Uvarint.decode(HEX.parseHex("ffac02ff"), 1)).isEqualTo(new Uvarint.Decoded(300, 2));
  }

  @Test
  void tryDecodeWaitsForMoreBytesWithoutMovingTheReaderIndex() {
    ByteBuf buf = Unpooled.buffer().writeByte(0xac);
    try {
      assertThat(Uvarint.tryDecode(buf, Long.MAX_VALUE)).isEqualTo(Uvarint.INCOMPLETE);
      assertThat(buf.readerIndex()).isZero();

      buf.writeByte(0x02).writeByte(0x7f);
      assertThat(Uvarint.tryDecode(buf, Long.MAX_VALUE)).isEqualTo(300);
      assertThat(buf.readerIndex()).isEqualTo(2);
    } finally {
      buf.release();
    }
  }

  @Test
  void tryDecodeEnforcesTheValueLimit() {
    ByteBuf buf = Unpooled.wrappedBuffer(HEX.parseHex("ac02"));
    try {
      assertThatThrownBy(() -> Uvarint.tryDecode(buf, 299))
          .isInstanceOf(VarintException.class)
          .hasMessageContaining("exceeds limit 299");
      assertThat(buf.readerIndex()).isZero();
      assertThat(Uvarint.tryDecode(buf, 300)).isEqualTo(300);
    } finally {
      buf.release();
    }
  }

  @Test
  void readOfATruncatedBufferThrows() {
    ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80});
    try {
      assertThatThrownBy(() -> Uvarint.read(buf)).isInstanceOf(VarintException.class)
          .hasMessageContaining("truncated");
    } finally {
      buf.release();
    }
  }

  @Test
  void negativeValuesCannotBeEncoded() {
    assertThatThrownBy(() -> Uvarint.encode(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
