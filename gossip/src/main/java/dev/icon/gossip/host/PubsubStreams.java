package dev.icon.gossip.host;

import dev.icon.gossip.core.GossipPeerLink;
import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Component;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.multiaddr.Protocol;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pubsub protocols on the host, libp2p style: each side opens ONE outbound stream per peer for
 * its writes (negotiating the first of the protocol list the remote speaks) and only reads from the
 * streams the remote opens. A peer is reported up on its first pubsub stream in either direction,
 * down when its last connection closes (or its outbound stream cannot be reopened); a peer that
 * speaks none of the protocols is ignored. Implements the router's {@link GossipPeerLink}.
 *
 * <p>Threading: thread-safe; host events arrive on Netty event loops, {@link #send} on the router
 * thread. One lock guards the session table; per-peer queues have their own.
 */
final class PubsubStreams implements HostListener, GossipPeerLink {
  private static final Logger LOG = LoggerFactory.getLogger(PubsubStreams.class);
  /** Reopens of a peer's outbound stream before we give the peer up. */
  static final int MAX_REOPENS = 3;
  /** A stream that lived this long resets the reopen count. */
  private static final long STABLE_NANOS = 10_000_000_000L;

  private final Host host;
  private final List<String> protocols;
  private final int maxRpcSize;
  private final long maxQueuedBytes;
  private final GossipMetrics metrics;
  private final PeerEvents events;
  private final Executor callbacks;
  private final Map<PeerId, Session> sessions = new HashMap<>();
  private boolean closed;

  /** One peer's pubsub state while it is connected. */
  private final class Session {
    final PeerId peer;
    final PeerOutbound out = new PeerOutbound(maxQueuedBytes, metrics);
    final Set<Stream> inbound = new HashSet<>();
    boolean added;
    boolean opening;
    int reopens;
    long attachedAt;

    Session(PeerId peer) {
      this.peer = peer;
    }
  }

  PubsubStreams(Host host, List<String> protocols, int maxRpcSize, long maxQueuedBytes,
      GossipMetrics metrics, PeerEvents events, Executor callbacks) {
    this.host = host;
    this.protocols = List.copyOf(protocols);
    this.maxRpcSize = maxRpcSize;
    this.maxQueuedBytes = maxQueuedBytes;
    this.metrics = metrics;
    this.events = events;
    this.callbacks = callbacks;
  }

  /** Registers the protocols and the host listener, and attaches to existing connections. */
  void start() {
    for (String p : protocols) {
      host.addProtocol(p, this::inbound);
    }
    host.addListener(this);
    for (Connection c : host.connections()) {
      connected(c);
    }
  }

  /** Peers with a pubsub stream (snapshot). */
  synchronized Set<PeerId> peers() {
    Set<PeerId> up = new HashSet<>();
    sessions.values().stream().filter(s -> s.added).forEach(s -> up.add(s.peer));
    return up;
  }

  /** Our current outbound stream to {@code peer}, or null (tests). */
  synchronized Stream outbound(PeerId peer) {
    Session s = sessions.get(peer);
    return s == null ? null : s.out.stream();
  }

  @Override
  public void connected(Connection c) {
    LOG.trace("connected {}", c);
    Session s;
    synchronized (this) {
      if (closed || !c.isOpen()) {
        return;
      }
      s = sessions.computeIfAbsent(c.remotePeer(), Session::new);
      if (s.opening || s.out.stream() != null) {
        return;
      }
      s.opening = true;
    }
    open(s, c);
  }

  @Override
  public void disconnected(Connection c) {
    PeerId peer = c.remotePeer();
    Session s;
    synchronized (this) {
      boolean stillConnected = host.connections(peer).stream().anyMatch(x -> x != c && x.isOpen());
      if (closed || stillConnected) {
        return;
      }
      s = sessions.remove(peer);
      if (s == null) {
        return;
      }
      if (s.added) {
        metrics.peers().decrementAndGet();
        events.peerDown(peer);
      }
    }
    s.out.close();
  }

  /** The handler of every pubsub protocol: reads RPC frames from a stream the remote opened. */
  private void inbound(Stream stream) {
    LOG.trace("inbound pubsub stream {}", stream);
    PeerId peer = stream.remotePeer();
    synchronized (this) {
      if (closed) {
        stream.reset();
        return;
      }
      Session s = sessions.computeIfAbsent(peer, Session::new);
      s.inbound.add(stream);
      markUp(s, stream.connection(), stream.protocol());
      stream.closeFuture().whenCompleteAsync((v, e) -> inboundClosed(peer, stream), callbacks);
    }
    stream.onData(new InboundRpcReader(stream, maxRpcSize, metrics, events));
    Connection c = stream.connection();
    connected(c); // our outbound stream, if the connected event has not opened it yet
  }

  private synchronized void inboundClosed(PeerId peer, Stream stream) {
    Session s = sessions.get(peer);
    if (s != null) {
      s.inbound.remove(stream);
    }
  }

  private void open(Session s, Connection c) {
    c.newStream(protocols).whenComplete((stream, err) -> opened(s, c, stream, err));
  }

  private void opened(Session s, Connection c, Stream stream, Throwable err) {
    LOG.trace("outbound pubsub stream to {}: {} {}", s.peer, stream, err);
    synchronized (this) {
      s.opening = false;
      if (err == null && !closed && sessions.get(s.peer) == s) {
        s.attachedAt = System.nanoTime();
        stream.onData(new WriteOnlyReader(stream));
        s.out.attach(stream);
        markUp(s, c, stream.protocol());
        stream.closeFuture().whenCompleteAsync((v, e) -> outboundClosed(s, stream), callbacks);
        return;
      }
      if (err != null) {
        LOG.debug("no pubsub stream to {}: {}", s.peer, err.toString());
        giveUp(s);
      }
    }
    if (stream != null) {
      stream.close(); // we closed meanwhile, or the peer went away
    }
  }

  private void outboundClosed(Session s, Stream stream) {
    Connection c;
    synchronized (this) {
      s.out.detach(stream);
      if (closed || sessions.get(s.peer) != s || s.opening) {
        return;
      }
      Optional<Connection> live = host.connections(s.peer).stream().filter(Connection::isOpen)
          .findFirst();
      if (live.isEmpty()) {
        return; // disconnected() reports the peer down
      }
      if (System.nanoTime() - s.attachedAt > STABLE_NANOS) {
        s.reopens = 0;
      }
      if (++s.reopens > MAX_REOPENS) {
        LOG.debug("outbound pubsub stream to {} closed {} times; giving the peer up", s.peer,
            s.reopens);
        giveUp(s);
        return;
      }
      s.opening = true;
      c = live.get();
    }
    open(s, c);
  }

  /** Called under the lock: forgets {@code s} and reports it down if it was up. */
  private void giveUp(Session s) {
    if (sessions.get(s.peer) != s) {
      return;
    }
    sessions.remove(s.peer);
    if (s.added) {
      metrics.peers().decrementAndGet();
      events.peerDown(s.peer);
    }
    callbacks.execute(s.out::close);
  }

  /** Called under the lock, so the router sees the peer before any of its RPCs. */
  private void markUp(Session s, Connection c, String protocol) {
    if (s.added) {
      return;
    }
    s.added = true;
    metrics.peers().incrementAndGet();
    events.peerUp(s.peer, c.direction() == Direction.OUTBOUND, protocol, ipOf(c.remoteAddress()));
  }

  @Override
  public void send(PeerId peer, RPC rpc) {
    PeerOutbound out;
    synchronized (this) {
      Session s = sessions.get(peer);
      out = s == null || closed ? null : s.out;
    }
    if (out == null) {
      return;
    }
    metrics.control.count(peer, rpc, true);
    for (RPC part : RpcFragmenter.fragment(rpc, maxRpcSize)) {
      out.enqueue(RpcFragmenter.frame(part));
    }
  }

  /** Unregisters everything and closes every pubsub stream; the connections stay. Idempotent. */
  void close() {
    List<Session> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = List.copyOf(sessions.values());
      sessions.clear();
      metrics.peers().set(0);
    }
    host.removeListener(this);
    for (String p : protocols) {
      host.removeProtocol(p);
    }
    for (Session s : all) {
      s.out.close();
      List<Stream> in;
      synchronized (this) {
        in = List.copyOf(s.inbound);
      }
      in.forEach(Stream::close);
    }
  }

  static InetAddress ipOf(Multiaddr address) {
    for (Component c : address.components()) {
      if (c.protocol() == Protocol.IP4 || c.protocol() == Protocol.IP6) {
        try {
          return InetAddress.getByAddress(c.value());
        } catch (UnknownHostException e) {
          return null;
        }
      }
    }
    return null;
  }
}
