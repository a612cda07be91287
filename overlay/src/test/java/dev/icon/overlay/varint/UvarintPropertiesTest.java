package dev.icon.overlay.varint;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Invariants and the fuzz harness: arbitrary bytes either decode or throw VarintException. */
class UvarintPropertiesTest {

  @Property(tries = 2000)
  void roundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) {
    byte[] encoded = Uvarint.encode(value);

    assertThat(Uvarint.decode(encoded, 0)).isEqualTo(new Uvarint.Decoded(value, encoded.length));
  }

  @Property(tries = 3000)
  void arbitraryBytesDecodeOrThrowVarintException(@ForAll @Size(max = 12) byte[] input) {
    try {
      Uvarint.Decoded decoded = Uvarint.decode(input, 0);
      assertThat(decoded.value()).isNotNegative();
      assertThat(Uvarint.encode(decoded.value()).length).isEqualTo(decoded.length());
    } catch (VarintException expected) {
      // the only failure allowed
    }
    ByteBuf buf = Unpooled.wrappedBuffer(input);
    try {
      long value = Uvarint.tryDecode(buf, Long.MAX_VALUE);
      assertThat(value).isGreaterThanOrEqualTo(Uvarint.INCOMPLETE);
    } catch (VarintException expected) {
      // the only failure allowed
    } finally {
      buf.release();
    }
  }
}
