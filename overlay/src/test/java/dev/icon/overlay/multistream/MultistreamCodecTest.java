package dev.icon.overlay.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultistreamCodecTest {

  @ParameterizedTest
  @CsvSource({
    "na, 036e610a",
    "ls, 036c730a",
    "/multistream/1.0.0, 132f6d756c746973747265616d2f312e302e300a",
  })
  void encodesSpecExamples(String message, String hex) {
    ByteBuf out = Unpooled.buffer();
    try {
      MultistreamCodec.encode(message, out);
      assertThat(ByteBufUtil.hexDump(out)).isEqualTo(hex);
      assertThat(MultistreamCodec.decode(out, 1024)).isEqualTo(message);
    } finally {
      out.release();
    }
  }

  @ParameterizedTest
  @CsvSource({"''", "03", "036e61", "80"})
  void incompleteInputReturnsNullAndConsumesNothing(String hex) {
    ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    try {
      assertThat(MultistreamCodec.decode(in, 1024)).isNull();
      assertThat(in.readerIndex()).isZero();
    } finally {
      in.release();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "00, MALFORMED_MESSAGE",
    "036e6161, MALFORMED_MESSAGE",
    "8000, MALFORMED_MESSAGE",
    "03ff fe0a, MALFORMED_MESSAGE",
    "ffff03, MESSAGE_TOO_LONG",
  })
  void rejectsMalformed(String hex, MultistreamError error) {
    ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    try {
      assertThatThrownBy(() -> MultistreamCodec.decode(in, 1024))
          .isInstanceOfSatisfying(MultistreamException.class, e -> assertThat(e.error()).isEqualTo(error));
    } finally {
      in.release();
    }
  }

  @Property(tries = 500)
  void listRoundTrips(@ForAll @Size(max = 20) List<@net.jqwik.api.constraints.AlphaChars @net.jqwik.api.constraints.StringLength(min = 1, max = 40) String> ids) {
    ByteBuf out = Unpooled.buffer();
    try {
      MultistreamCodec.encodeList(ids, out);
      byte[] payload = MultistreamCodec.decodePayload(out, 65_535);
      assertThat(MultistreamCodec.decodeList(payload, 1024)).isEqualTo(ids);
    } finally {
      out.release();
    }
  }

  @Property(tries = 3000)
  void arbitraryBytesDecodeOrThrowOwnException(@ForAll @Size(max = 64) byte[] bytes) {
    ByteBuf in = Unpooled.wrappedBuffer(bytes);
    try {
      while (MultistreamCodec.decode(in, 32) != null) {
        // keep decoding
      }
    } catch (MultistreamException expected) {
      assertThat(expected.error()).isIn(MultistreamError.MALFORMED_MESSAGE, MultistreamError.MESSAGE_TOO_LONG);
    } finally {
      in.release();
    }
  }
}
