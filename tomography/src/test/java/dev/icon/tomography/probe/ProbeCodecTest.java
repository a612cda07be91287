package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeRequest;
import dev.icon.proto.icon.probe.ProbeResponse;
import dev.icon.proto.icon.probe.ProbeResult;
import dev.icon.proto.icon.probe.ProbeStatus;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ProbeCodecTest {

  private static final ProbeRequest REQUEST = ProbeRequest.newBuilder().setRequestId(42)
      .addTargets(ByteString.copyFrom(new byte[] {(byte) 198, 51, 100, 7}))
      .setMethod(ProbeMethod.ICMP_ECHO).setCount(3).build();

  @Test
  void aRequestAndAResponseSurviveTheRoundTrip() {
    ProbeResponse response = ProbeResponse.newBuilder().setRequestId(42)
        .addResults(ProbeResult.newBuilder().setTarget(REQUEST.getTargets(0))
            .setStatus(ProbeStatus.OK).setSent(3).setReceived(1).addSamplesMicros(1500)).build();

    assertThat(ProbeCodec.decodeRequest(ProbeCodec.encode(REQUEST), 1024)).isEqualTo(REQUEST);
    assertThat(ProbeCodec.decodeResponse(ProbeCodec.encode(response), 1024)).isEqualTo(response);
  }

  @Test
  void theFrameIsALengthPrefixThenTheMessage() {
    byte[] frame = ProbeCodec.encode(REQUEST);

    assertThat(Uvarint.decode(frame, 0).value()).isEqualTo(REQUEST.getSerializedSize());
    assertThat(frame).hasSize(1 + REQUEST.getSerializedSize());
  }

  @Test
  void anOversizedFrameIsRefusedBeforeParsing() {
    byte[] frame = ProbeCodec.encode(REQUEST);

    assertMalformed(frame, frame.length - 1, "exceeds the limit of " + (frame.length - 1));
  }

  @Test
  void bytesAfterTheFrameAreRefused() {
    byte[] frame = ProbeCodec.encode(REQUEST);

    assertMalformed(Arrays.copyOf(frame, frame.length + 1), 1024, "exactly one frame");
  }

  @Test
  void aTruncatedFrameIsRefused() {
    byte[] frame = ProbeCodec.encode(REQUEST);

    assertMalformed(Arrays.copyOf(frame, frame.length - 1), 1024, "says");
    assertMalformed(new byte[0], 1024, "empty");
    assertMalformed(new byte[] {(byte) 0x80}, 1024, "bad length prefix");
  }

  @Test
  void aBodyThatIsNotProtobufIsRefused() {
    assertMalformed(new byte[] {3, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 1024, "not valid protobuf");
  }

  @RepeatedTest(300)
  void randomBytesDecodeOrFailAsMalformedNeverOtherwise(RepetitionInfo info) {
    Random random = new Random(104729L * info.getCurrentRepetition());
    byte[] bytes = ProbeCodec.encode(REQUEST);
    if (random.nextBoolean()) {
      bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
    } else {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    }
    try {
      ProbeCodec.decodeRequest(bytes, 1024);
    } catch (ProbeException e) {
      assertThat(e.error()).isEqualTo(ProbeError.MALFORMED_FRAME);
    }
  }

  private static void assertMalformed(byte[] frame, int max, String message) {
    assertThatThrownBy(() -> ProbeCodec.decodeRequest(frame, max))
        .isInstanceOfSatisfying(ProbeException.class,
            e -> assertThat(e.error()).isEqualTo(ProbeError.MALFORMED_FRAME))
        .hasMessageContaining(message);
  }
}
