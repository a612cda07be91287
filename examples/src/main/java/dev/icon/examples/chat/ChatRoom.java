package dev.icon.examples.chat;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipError;
import dev.icon.gossip.api.GossipException;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PubSub;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A terminal chat room over gossip: every line typed is published to the room's topic as
 * {@link ChatLine} JSON, and every line others publish is printed as {@code <nick> text}. Peers
 * join by dialing any member ({@code --connect}); gossipsub spreads messages through the mesh.
 * Uses only ICON's public API: {@link Host}, {@link GossipBuilder}, {@link PubSub}.
 *
 * <pre>
 * java dev.icon.examples.chat.ChatRoom --nick alice
 * java dev.icon.examples.chat.ChatRoom --nick bob --connect /ip4/127.0.0.1/tcp/PORT/p2p/12D3KooW...
 * </pre>
 *
 * <p>Threading: {@link #run} reads input on the calling thread; received messages are printed by a
 * thread of the room's own (the gossip handler only hands them over, it never blocks).
 */
public final class ChatRoom implements AutoCloseable {

  private final ChatOptions options;
  private final Host host;
  private final PubSub pubsub;
  private final PrintStream out;
  private final ExecutorService printer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "chat-printer");
    t.setDaemon(true);
    return t;
  });

  private ChatRoom(ChatOptions options, Host host, PubSub pubsub, PrintStream out) {
    this.options = options;
    this.host = host;
    this.pubsub = pubsub;
    this.out = out;
  }

  /** Starts a host, joins the room and dials {@code --connect} peers; prints where it listens. */
  public static ChatRoom join(ChatOptions options, PrintStream out) throws Exception {
    PrivateKey key = PrivateKey.generateEd25519();
    Host host = Host.builder().identity(key).listen(options.listen()).build();
    host.start().get(30, TimeUnit.SECONDS);
    PubSub pubsub;
    try {
      pubsub = GossipBuilder.on(host).identity(key).build();
    } catch (RuntimeException e) {
      host.stop();
      throw e;
    }
    ChatRoom room = new ChatRoom(options, host, pubsub, out);
    pubsub.subscribe(options.topic(), room::received);
    for (Multiaddr a : host.listenAddrs()) {
      out.println("* listening on " + a.withPeerId(host.peerId()));
    }
    for (Multiaddr peer : options.connect()) {
      try {
        host.dial(peer).get(30, TimeUnit.SECONDS);
        out.println("* connected to " + peer);
      } catch (Exception e) {
        out.println("* could not connect to " + peer + ": " + e.getMessage());
      }
    }
    out.println("* joined room " + options.room() + " as " + options.nick()
        + "; type a line to send it, /quit to leave");
    return room;
  }

  /** Our peer id. */
  public PeerId peerId() {
    return host.peerId();
  }

  /** Where we listen, each with {@code /p2p/<our id>}. */
  public java.util.List<Multiaddr> addresses() {
    return host.listenAddrs().stream().map(a -> a.withPeerId(host.peerId())).toList();
  }

  /** Peers known to be in the room. */
  public CompletableFuture<Set<PeerId>> members() {
    return pubsub.topicPeers(options.topic());
  }

  /** Reads lines until end of input or {@code /quit}, publishing each non-empty one. */
  public void run(java.io.InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.equals("/quit")) {
        return;
      }
      if (!line.isBlank()) {
        send(line);
      }
    }
  }

  /** Publishes one line and waits for the outcome. */
  public void send(String text) {
    try {
      pubsub.publish(options.topic(), new ChatLine(options.nick(), text).toJson())
          .get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof GossipException g && g.error() == GossipError.NO_PEERS) {
        print("* nobody else is in the room yet: not sent");
      } else {
        print("* not sent: " + e.getCause().getMessage());
      }
    } catch (Exception e) {
      print("* not sent: " + e);
    }
  }

  private void received(GossipMessage m) {
    String line;
    try {
      ChatLine chat = ChatLine.fromJson(m.data());
      line = "<" + chat.nick() + "> " + chat.text();
    } catch (IllegalArgumentException e) {
      line = "* unreadable message from " + m.from() + ": " + e.getMessage();
    }
    print(line);
  }

  private void print(String line) {
    printer.execute(() -> out.println(line));
  }

  /** Leaves the room and stops the host. */
  @Override
  public void close() {
    pubsub.close();
    printer.shutdown();
    try {
      printer.awaitTermination(5, TimeUnit.SECONDS);
      host.stop().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      out.println("* stop: " + e.getMessage());
    }
  }

  /** Runs a room on this terminal; exit code 2 on bad arguments. */
  public static void main(String[] args) throws Exception {
    ChatOptions options;
    try {
      options = ChatOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ChatOptions.USAGE);
      System.exit(2);
      return;
    }
    try (ChatRoom room = join(options, System.out)) {
      room.run(System.in);
    }
  }
}
