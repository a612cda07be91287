package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import dev.icon.proto.libp2p.kad.Record;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers inbound kad requests (server mode), independent of the transport: the binding decodes a
 * request with {@link KadCodec}, calls {@link #handle}, and writes the response if there is one.
 *
 * <ul>
 *   <li>FIND_NODE: the k closest peers to the key that have known addresses, without the
 *       requester; plus ourselves (with our addresses) when the key is our own peer id, as
 *       js-libp2p does.
 *   <li>GET_VALUE: the stored, still-valid record for the key (if any) and the closer peers.
 *   <li>PUT_VALUE: the record (whose key must equal the message key) is validated and stored; the
 *       request is echoed back, as go/js-libp2p do.
 *   <li>ADD_PROVIDER: each provider entry whose id is the sender's and that carries addresses is
 *       recorded (the spec's rule, as go and js-libp2p 16 apply it); no response. The key should be
 *       a multihash or CID (js-libp2p rejects anything else); its length is bounded by {@link
 *       KadConfig#maxProviderKeyLength()}.
 *   <li>GET_PROVIDERS: the unexpired providers of the key and the closer peers.
 *   <li>PING: echoed.
 * </ul>
 *
 * <p>A bad request throws a {@link KadException} with the reason: the binding resets that stream
 * (and nothing else). Thread-safe if its parts are (they are).
 */
public final class KadRequestHandler {

  private final PeerId self;
  private final KadConfig config;
  private final RoutingTable table;
  private final RecordStore records;
  private final ProviderStore providers;
  private final Function<PeerId, List<ByteString>> addresses;
  private final Clock clock;

  /**
   * A handler answering from these parts; {@code addresses} gives a peer's known binary multiaddrs
   * (e.g. from the host's peer store; empty if unknown), and ours for our own id.
   */
  public KadRequestHandler(KadConfig config, RoutingTable table, RecordStore records,
      ProviderStore providers, Function<PeerId, List<ByteString>> addresses, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.table = Objects.requireNonNull(table, "table");
    this.self = table.self();
    this.records = Objects.requireNonNull(records, "records");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The response to {@code request} from {@code from}, or empty when the type has none.
   *
   * @throws KadException if the request is malformed or carries an invalid record
   */
  public Optional<Message> handle(PeerId from, Message request) {
    if (request.getType() == Message.MessageType.UNRECOGNIZED) {
      throw new KadException(KadError.MALFORMED_MESSAGE,
          "unknown message type " + request.getTypeValue());
    }
    byte[] key = request.getKey().toByteArray();
    Message.Builder response = Message.newBuilder().setType(request.getType());
    switch (request.getType()) {
      case FIND_NODE -> {
        requireKey(key);
        if (request.getKey().equals(ByteString.copyFrom(self.toBytes()))) {
          List<ByteString> ours = addresses.apply(self);
          if (!ours.isEmpty()) {
            response.addCloserPeers(KadMessages.toWire(new KadPeer(self, ours),
                Message.ConnectionType.CONNECTED));
          }
        }
        return Optional.of(response.setKey(request.getKey())
            .addAllCloserPeers(closer(from, key)).build());
      }
      case GET_VALUE -> {
        requireKey(key);
        records.get(key).ifPresent(r -> response.setRecord(Record.newBuilder().setKey(r.key())
            .setValue(r.value())
            .setTimeReceived(DateTimeFormatter.ISO_INSTANT.format(r.receivedAt()))));
        return Optional.of(response.setKey(request.getKey())
            .addAllCloserPeers(closer(from, key)).build());
      }
      case PUT_VALUE -> {
        requireKey(key);
        if (!request.hasRecord() || !request.getRecord().getKey().equals(request.getKey())) {
          throw new KadException(KadError.MALFORMED_KEY,
              "PUT_VALUE record missing or under another key than the message's");
        }
        records.put(key, request.getRecord().getValue().toByteArray());
        return Optional.of(request);
      }
      case ADD_PROVIDER -> {
        requireKey(key);
        for (KadPeer p : KadMessages.fromWire(request.getProviderPeersList(), Integer.MAX_VALUE)) {
          if (p.id().equals(from) && !p.addrs().isEmpty()) {
            providers.add(key, from, p.addrs());
          }
        }
        return Optional.empty();
      }
      case GET_PROVIDERS -> {
        requireKey(key);
        for (ProviderRecord r : providers.providers(key)) {
          response.addProviderPeers(KadMessages.toWire(new KadPeer(r.provider(), r.addrs()),
              Message.ConnectionType.NOT_CONNECTED));
        }
        return Optional.of(response.setKey(request.getKey())
            .addAllCloserPeers(closer(from, key)).build());
      }
      case PING -> {
        return Optional.of(response.build());
      }
      default -> throw new IllegalStateException("unhandled type " + request.getType());
    }
  }

  private List<Message.Peer> closer(PeerId from, byte[] key) {
    return table.closest(KadKey.of(key), config.k() + 1).stream()
        .filter(p -> !p.equals(from) && !p.equals(self))
        .map(p -> new KadPeer(p, addresses.apply(p)))
        .filter(p -> !p.addrs().isEmpty())
        .limit(config.k())
        .map(p -> KadMessages.toWire(p, Message.ConnectionType.NOT_CONNECTED))
        .toList();
  }

  private static void requireKey(byte[] key) {
    if (key.length == 0) {
      throw new KadException(KadError.MALFORMED_KEY, "request without a key");
    }
  }
}
