package dev.icon.examples.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two chat rooms in one JVM, on real hosts over loopback TCP, typing through piped stdin. */
class ChatRoomTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** One participant: a room, the keyboard that feeds its input, and its screen. */
  private static final class Terminal implements AutoCloseable {
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final PipedOutputStream keyboard = new PipedOutputStream();
    final ChatRoom room;
    final CompletableFuture<Void> reading;

    Terminal(String... args) throws Exception {
      PipedInputStream stdin = new PipedInputStream(keyboard);
      room = ChatRoom.join(ChatOptions.parse(args), new PrintStream(screen, true, UTF_8));
      reading = CompletableFuture.runAsync(() -> {
        try {
          room.run(stdin);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }, r -> new Thread(r, "chat-stdin").start());
    }

    void type(String line) throws IOException {
      keyboard.write((line + "\n").getBytes(UTF_8));
      keyboard.flush();
    }

    String screen() {
      return screen.toString(UTF_8);
    }

    @Override
    public void close() throws Exception {
      keyboard.close();
      room.close();
    }
  }

  @Test
  void twoRoomsExchangeTypedLinesAndQuitEndsTheInputLoop() throws Exception {
    try (Terminal bob = new Terminal("--nick", "bob", "--room", "test");
        Terminal alice = new Terminal("--nick", "alice", "--room", "test", "--connect",
            bob.room.addresses().get(0).toString())) {
      assertThat(bob.screen()).contains("* listening on /ip4/127.0.0.1/tcp/");
      assertThat(alice.screen()).contains("* connected to ").contains("* joined room test as alice");
      await().atMost(TIMEOUT).until(() ->
          alice.room.members().get().contains(bob.room.peerId())
              && bob.room.members().get().contains(alice.room.peerId()));

      alice.type("hello bob, \"quoted\" and ünïcode");
      await().atMost(TIMEOUT).until(() ->
          bob.screen().contains("<alice> hello bob, \"quoted\" and ünïcode"));
      bob.type("hi alice");
      await().atMost(TIMEOUT).until(() -> alice.screen().contains("<bob> hi alice"));
      assertThat(alice.screen()).as("own lines are not echoed back").doesNotContain("<alice>");

      alice.type("/quit");
      alice.reading.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(alice.reading).isCompleted();
    }
  }

  @Test
  void aLineTypedWhileAloneInTheRoomIsReportedNotSent() throws Exception {
    try (Terminal lonely = new Terminal("--nick", "solo", "--room", "empty")) {
      lonely.type("anyone?");
      await().atMost(TIMEOUT).until(() ->
          lonely.screen().contains("* nobody else is in the room yet: not sent"));
    }
  }
}
