package dev.icon.node.deploy;

import static dev.icon.node.deploy.Artifacts.random;
import static dev.icon.node.deploy.Artifacts.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.node.deploy.DeployEvent.Type;
import dev.icon.overlay.api.Stream;
import dev.icon.proto.icon.deploy.DeployMessage;
import dev.icon.proto.icon.deploy.Resume;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sender against receivers that lie or stay silent, and with sources that fall short. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeploySenderTest {

  private static final DeployConfig CONFIG = DeployConfig.forTests().toBuilder()
      .responseTimeout(Duration.ofMillis(300)).maxAttempts(3).build();

  @TempDir Path dir;

  /** Replaces the provider's receiver with one answering each offer with {@code answer}. */
  private static AtomicInteger fakeReceiver(DeployHosts hosts,
      Function<DeployMessage, DeployMessage> answer) {
    AtomicInteger offers = new AtomicInteger();
    hosts.provider.addProtocol(DeployProtocol.ID, stream -> {
      stream.channel().pipeline()
          .addBefore(Stream.HANDLER_NAME, "codec", new DeployCodec(CONFIG.maxFrameSize()))
          .addBefore(Stream.HANDLER_NAME, "fake", new SimpleChannelInboundHandler<DeployMessage>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DeployMessage m) {
              if (m.hasOffer()) {
                offers.incrementAndGet();
                DeployMessage reply = answer.apply(m);
                if (reply != null) {
                  ctx.writeAndFlush(reply);
                }
              }
            }
          });
      stream.channel().config().setAutoRead(true);
    });
    return offers;
  }

  private static CompletableFuture<DeployReceipt> send(DeployHosts hosts, byte[] data) {
    return hosts.sender.send(hosts.provider.peerId(), "agr-s", DeployKind.IMAGE,
        DeploySource.of(data.length, sha(data), () -> new ByteArrayInputStream(data)));
  }

  private static void assertFails(CompletableFuture<DeployReceipt> f, String message) {
    await().atMost(Duration.ofSeconds(30)).until(f::isDone);
    assertThat(f).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
        .isInstanceOf(DeployException.class).withMessageContaining(message);
  }

  @Test
  void aResumeOffsetOffTheChunkGridIsAProtocolViolationAndNotRetried() throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, CONFIG)) {
      AtomicInteger offers = fakeReceiver(hosts, m -> DeployMessage.newBuilder()
          .setResume(Resume.newBuilder().setVerifiedBytes(1000)).build());

      assertFails(send(hosts, random(1, 4 * CONFIG.chunkSize())),
          "PROTOCOL_VIOLATION: the receiver asked to resume from 1000");
      assertThat(offers).hasValue(1);
    }
  }

  @Test
  void aSilentReceiverTimesOutEachAttemptAndTheSenderGivesUpAfterMaxAttempts() throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, CONFIG)) {
      AtomicInteger offers = fakeReceiver(hosts, m -> null);

      assertFails(send(hosts, random(2, 1000)), "RETRIES_EXHAUSTED: 3 attempts");
      assertThat(offers).hasValue(3);
      assertThat(hosts.sent).filteredOn(e -> e.type() == Type.RETRYING)
          .allSatisfy(e -> assertThat(e.detail()).contains("no answer to the offer within"));
    }
  }

  @Test
  void aSourceShorterThanAnnouncedFailsWithoutRetryingAndTheReceiverKeepsNothing()
      throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, CONFIG)) {
      byte[] data = random(3, 3 * CONFIG.chunkSize());
      CompletableFuture<DeployReceipt> f = hosts.sender.send(hosts.provider.peerId(), "agr-short",
          DeployKind.STATE, DeploySource.of(data.length + 10, sha(data),
              () -> new ByteArrayInputStream(data)));

      assertFails(f, "SOURCE_FAILED: the source ended at " + data.length);
      assertThat(hosts.sent).filteredOn(e -> e.type() == Type.ATTEMPT).hasSize(1);
      // The sender reset its stream: the receiver keeps the partial file only until it is stale.
      await().until(() -> hosts.receiver.partialTransfers() == 1);
      hosts.clock.advance(CONFIG.staleAfter().plusSeconds(1));
      assertThat(hosts.receiver.sweepStale()).isEqualTo(1);
      try (var staged = Files.list(hosts.staging)) {
        assertThat(staged).isEmpty();
      }
    }
  }

  @Test
  void anEmptyArtifactIsAcceptedRightAfterItsOffer() throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, CONFIG)) {
      DeployReceipt r = send(hosts, new byte[0]).get(30, TimeUnit.SECONDS);

      assertThat(r.size()).isZero();
      assertThat(r.bytesSent()).isZero();
      assertThat(hosts.receiver.storedPath("agr-s", DeployKind.IMAGE)).isEmptyFile();
    }
  }

  @Test
  void cancellingTheFutureStopsTheTransfer() throws Exception {
    try (DeployHosts hosts = new DeployHosts(dir, CONFIG)) {
      AtomicInteger offers = fakeReceiver(hosts, m -> null);
      CompletableFuture<DeployReceipt> f = send(hosts, random(4, 1000));
      await().until(() -> offers.get() == 1);

      f.cancel(true);

      await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
          .until(() -> offers.get() == 1);
      assertThat(hosts.sent).filteredOn(e -> e.type() == Type.ATTEMPT).hasSize(1);
    }
  }
}
