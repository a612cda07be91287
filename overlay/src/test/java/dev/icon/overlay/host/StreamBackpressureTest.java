package dev.icon.overlay.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A writer that waits on {@link Stream#writable()} must never stall: repeated because the stall it
 * guards against (a send window refilled while nothing was queued left the stream unwritable) hit
 * about every second run.
 */
class StreamBackpressureTest {

  private final HostTestSupport hosts = new HostTestSupport();

  @AfterEach
  void stopAll() {
    hosts.close();
  }

  @RepeatedTest(6)
  void writerWaitingOnWritableFinishesMegabyteEcho() throws Exception {
    Host a = hosts.start();
    Host b = hosts.start();
    a.peerStore().addAddresses(b.peerId(), b.listenAddrs());
    Stream s = a.newStream(b.peerId(), List.of(HostTestSupport.ECHO)).get(10, TimeUnit.SECONDS);
    InputStream in = s.inputStream();
    CompletableFuture<Long> echoed = CompletableFuture.supplyAsync(() -> {
      try {
        return in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (java.io.IOException e) {
        throw new CompletionException(e);
      }
    });
    byte[] chunk = new byte[16 * 1024];
    for (int sent = 0; sent < (1 << 20); sent += chunk.length) {
      s.writable().get(10, TimeUnit.SECONDS);
      s.write(chunk);
    }
    s.closeWrite().get(10, TimeUnit.SECONDS);
    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(1 << 20);
  }
}
