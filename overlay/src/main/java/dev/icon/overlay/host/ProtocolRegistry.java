package dev.icon.overlay.host;

import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.overlay.identify.IdentifyProtocol;
import dev.icon.overlay.multistream.MultistreamHandler;
import dev.icon.overlay.perf.PerfProtocol;
import dev.icon.overlay.perf.PerfServer;
import dev.icon.overlay.ping.PingProtocol;
import dev.icon.overlay.ping.PingResponder;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocols a host serves on inbound streams: the built-in ones (identify, push, ping, perf
 * as configured) and the user's {@link StreamHandler}s. Negotiates each inbound stream and hands it
 * to the right handler. Thread-safe.
 */
final class ProtocolRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolRegistry.class);

  private final HostConfig config;
  private final Map<String, BiConsumer<HostConnection, Channel>> builtIn = new LinkedHashMap<>();
  private final Map<String, StreamHandler> user = new ConcurrentHashMap<>();
  private final List<String> userOrder = new java.util.concurrent.CopyOnWriteArrayList<>();

  ProtocolRegistry(HostConfig config, IdentifyService identify) {
    this.config = config;
    builtIn.put(IdentifyProtocol.ID, identify::respond);
    builtIn.put(IdentifyProtocol.PUSH_ID, identify::receivePush);
    if (config.pingEnabled()) {
      builtIn.put(PingProtocol.ID, (c, ch) -> ch.pipeline().addLast("ping", new PingResponder()));
    }
    if (config.perfEnabled()) {
      builtIn.put(PerfProtocol.ID, (c, ch) -> ch.pipeline().addLast("perf", new PerfServer(Long.MAX_VALUE)));
    }
  }

  void add(String id, StreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (id == null || id.isEmpty() || builtIn.containsKey(id)) {
      throw new IllegalArgumentException("invalid or built-in protocol id: " + id);
    }
    if (user.put(id, handler) == null) {
      userOrder.add(id);
    }
  }

  boolean remove(String id) {
    userOrder.remove(id);
    return user.remove(id) != null;
  }

  /** Every served id, built-in first, then user protocols in registration order. */
  List<String> ids() {
    List<String> all = new ArrayList<>(builtIn.keySet());
    all.addAll(userOrder);
    return all;
  }

  /** Sets up an inbound stream: limit check, multistream responder, then the handler. */
  void acceptInbound(HostConnection c, Channel child) {
    if (c.streamCount() >= config.maxStreamsPerConnection()) {
      LOG.debug("refusing stream on {}: {} streams open", c, c.streamCount());
      child.close();
      return;
    }
    c.track(child);
    MultistreamHandler ms = MultistreamHandler.responder(this::ids, config.multistream());
    ms.selected().whenComplete((id, e) -> {
      if (e == null) {
        dispatch(c, child, id);
      }
    });
    child.pipeline().addLast("multistream", ms);
  }

  private void dispatch(HostConnection c, Channel child, String id) {
    BiConsumer<HostConnection, Channel> internal = builtIn.get(id);
    if (internal != null) {
      internal.accept(c, child);
      return;
    }
    StreamHandler handler = user.get(id);
    if (handler == null) {
      child.close();
      return;
    }
    HostStream stream = new HostStream(child, id, c, Direction.INBOUND);
    try {
      handler.handle(stream);
    } catch (RuntimeException e) {
      LOG.warn("handler of {} threw; resetting the stream", id, e);
      HostStream.reset(child);
    }
  }
}
