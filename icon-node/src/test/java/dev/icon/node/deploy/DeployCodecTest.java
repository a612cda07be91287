package dev.icon.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.proto.icon.deploy.ArtifactKind;
import dev.icon.proto.icon.deploy.Chunk;
import dev.icon.proto.icon.deploy.DeployMessage;
import dev.icon.proto.icon.deploy.Offer;
import dev.icon.proto.icon.deploy.Refusal;
import dev.icon.proto.icon.deploy.Resume;
import dev.icon.proto.icon.deploy.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DeployCodec} on an {@link EmbeddedChannel}: round trips, splits, limits, garbage. */
class DeployCodecTest {

  private static final int MAX = 64 * 1024;

  static Stream<DeployMessage> messages() {
    byte[] data = Artifacts.random(1, 1000);
    return Stream.of(
        DeployMessage.newBuilder().setOffer(Offer.newBuilder().setAgreementId("agr-1")
            .setKind(ArtifactKind.STATE).setTotalSize(5L << 30)
            .setSha256(ByteString.copyFrom(new byte[32])).setChunkSize(262144)).build(),
        DeployMessage.newBuilder().setResume(Resume.newBuilder().setVerifiedBytes(786432))
            .build(),
        DeployMessage.newBuilder().setChunk(Chunk.newBuilder().setOffset(262144)
            .setData(ByteString.copyFrom(data))
            .setSha256(ByteString.copyFrom(Artifacts.sha(data)))).build(),
        DeployMessage.newBuilder().setVerdict(Verdict.newBuilder().setAccepted(false)
            .setRefusal(Refusal.TOTAL_HASH_MISMATCH).setReason("no").setVerifiedBytes(7)).build());
  }

  @ParameterizedTest
  @MethodSource("messages")
  void everyMessageRoundTripsThroughEncodeAndTheDecoder(DeployMessage m) {
    EmbeddedChannel ch = new EmbeddedChannel(new DeployCodec(MAX));

    assertThat(ch.writeInbound(Unpooled.wrappedBuffer(DeployCodec.encode(m, MAX)))).isTrue();

    assertThat((DeployMessage) ch.readInbound()).isEqualTo(m);
    assertThat(ch.finish()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("messages")
  void thePipelineEncoderWritesTheSameBytesAsEncode(DeployMessage m) {
    EmbeddedChannel ch = new EmbeddedChannel(new DeployCodec(MAX));

    ch.writeOutbound(m);
    ByteBuf out = ch.readOutbound();
    try {
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      assertThat(bytes).isEqualTo(DeployCodec.encode(m, MAX));
    } finally {
      out.release();
    }
    assertThat(ch.finish()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void framesSplitAtRandomPointsDecodeInOrder(long seed) {
    Random r = new Random(seed);
    List<DeployMessage> sent = messages().toList();
    byte[] all = sent.stream().map(m -> DeployCodec.encode(m, MAX))
        .reduce(new byte[0], DeployCodecTest::concat);
    EmbeddedChannel ch = new EmbeddedChannel(new DeployCodec(MAX));

    int at = 0;
    while (at < all.length) {
      int n = Math.min(all.length - at, 1 + r.nextInt(300));
      ch.writeInbound(Unpooled.wrappedBuffer(all, at, n));
      at += n;
    }

    for (DeployMessage m : sent) {
      assertThat((DeployMessage) ch.readInbound()).isEqualTo(m);
    }
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void anOversizedLengthIsRefusedBeforeItsBodyArrivesAndClosesTheStream() {
    EmbeddedChannel ch = new EmbeddedChannel(new DeployCodec(1000));

    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {
        (byte) 0xe9, 0x07}))).isInstanceOf(DeployException.class)
        .hasMessage("OVERSIZED_FRAME: deploy message of 1001 bytes exceeds the limit of 1000");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void anUnparsableBodyIsAMalformedFrame() {
    EmbeddedChannel ch = new EmbeddedChannel(new DeployCodec(1000));

    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {
        3, 0x0a, (byte) 0xff, 0x01}))).isInstanceOf(DeployException.class)
        .extracting(e -> ((DeployException) e).error()).isEqualTo(DeployError.MALFORMED_FRAME);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void aMalformedVarintIsAMalformedFrame() {
    EmbeddedChannel ch = new EmbeddedChannel(new DeployCodec(1000));
    byte[] tenContinuations = new byte[10];
    java.util.Arrays.fill(tenContinuations, (byte) 0x80);

    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(tenContinuations)))
        .isInstanceOf(DeployException.class)
        .extracting(e -> ((DeployException) e).error()).isEqualTo(DeployError.MALFORMED_FRAME);
  }

  @Test
  void encodeRefusesAMessageAboveTheLimit() {
    DeployMessage big = DeployMessage.newBuilder().setChunk(Chunk.newBuilder()
        .setData(ByteString.copyFrom(new byte[2000]))).build();

    assertThatThrownBy(() -> DeployCodec.encode(big, 1000))
        .isInstanceOf(DeployException.class).hasMessageContaining("OVERSIZED_FRAME");
  }

  @Test
  void aMaximalChunkFitsTheConfiguredFrameSize() {
    DeployConfig c = DeployConfig.defaults();
    DeployMessage m = DeployMessage.newBuilder().setChunk(Chunk.newBuilder()
        .setOffset(Long.MAX_VALUE).setData(ByteString.copyFrom(new byte[c.maxChunkSize()]))
        .setSha256(ByteString.copyFrom(new byte[32]))).build();

    assertThat(DeployCodec.encode(m, c.maxFrameSize())).hasSizeGreaterThan(c.maxChunkSize());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
