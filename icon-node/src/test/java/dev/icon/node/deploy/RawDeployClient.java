package dev.icon.node.deploy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.Stream;
import dev.icon.proto.icon.deploy.ArtifactKind;
import dev.icon.proto.icon.deploy.Chunk;
import dev.icon.proto.icon.deploy.DeployMessage;
import dev.icon.proto.icon.deploy.Offer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven deploy client for bad-input tests: writes whatever frames a test asks for on a
 * real stream (lying about hashes and sizes) and reads the receiver's answers (blocking).
 */
final class RawDeployClient implements AutoCloseable {

  private final Stream stream;
  private final DeployConfig config;
  private final InputStream in;

  private RawDeployClient(Stream stream, DeployConfig config) {
    this.stream = stream;
    this.config = config;
    this.in = stream.inputStream();
  }

  static RawDeployClient open(DeployHosts hosts, DeployConfig config) {
    try {
      Stream s = hosts.client.newStream(hosts.provider.peerId(), List.of(DeployProtocol.ID))
          .get(10, TimeUnit.SECONDS);
      return new RawDeployClient(s, config);
    } catch (Exception e) {
      throw new IllegalStateException("opening a deploy stream", e);
    }
  }

  Stream stream() {
    return stream;
  }

  void send(DeployMessage m) {
    stream.write(DeployCodec.encode(m, Integer.MAX_VALUE)).join();
  }

  void raw(byte[] bytes) {
    stream.write(bytes).join();
  }

  void offer(String agreement, long size, byte[] sha, int chunkSize) {
    send(DeployMessage.newBuilder().setOffer(Offer.newBuilder().setAgreementId(agreement)
        .setKind(ArtifactKind.IMAGE).setTotalSize(size).setSha256(ByteString.copyFrom(sha))
        .setChunkSize(chunkSize)).build());
  }

  /** Sends data[offset, offset+length) with its hash, or with {@code hash} when not null. */
  void chunk(byte[] data, int offset, int length, byte[] hash) {
    byte[] bytes = Arrays.copyOfRange(data, offset, offset + length);
    byte[] h = hash != null ? hash : Artifacts.sha(bytes);
    send(DeployMessage.newBuilder().setChunk(Chunk.newBuilder().setOffset(offset)
        .setData(ByteString.copyFrom(bytes)).setSha256(ByteString.copyFrom(h))).build());
  }

  /** The next message from the receiver (blocking). */
  DeployMessage next() throws IOException {
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("end of stream");
      }
      length |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (length > config.maxFrameSize()) {
      throw new IOException("frame of " + length + " bytes");
    }
    return DeployMessage.parseFrom(in.readNBytes((int) length));
  }

  @Override
  public void close() {
    stream.reset();
  }
}
