package dev.icon.market.auction;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.icon.market.ClearingAnnouncement;
import dev.icon.proto.icon.market.Commit;
import dev.icon.proto.icon.market.MarketMessage;
import dev.icon.proto.icon.market.ProviderAnnouncement;
import dev.icon.proto.icon.market.Reveal;
import dev.icon.proto.icon.market.SignedMarketMessage;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on the market topic to {@link MarketFrame}s and back: a {@code SignedMarketMessage} whose
 * author signs {@code "icon-market/1:" || message}. Decoding checks, in order, the size limit, the
 * encoding, the version, the key, that the key's peer id is the named author, the signature, and
 * the body's fields; it never looks at time or round state (that is {@link MarketRound}'s job).
 * Stateless apart from its limit; thread-safe.
 */
public final class MarketCodec {
  /** The schema version this codec writes and reads. */
  public static final int VERSION = 1;
  /** Domain-separation prefix of the signed bytes. */
  static final byte[] SIGNING_PREFIX = "icon-market/1:".getBytes(StandardCharsets.US_ASCII);

  private final int maxMessageBytes;

  /** A codec refusing messages above {@code maxMessageBytes}. */
  public MarketCodec(int maxMessageBytes) {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  /** A commit message body. */
  public static MarketMessage commit(String market, long round, PeerId author, String offerId,
      ByteString digest) {
    return header(market, round, author)
        .setCommit(Commit.newBuilder().setOfferId(offerId).setDigest(digest)).build();
  }

  /** A reveal message body. */
  public static MarketMessage reveal(String market, long round, PeerId author, byte[] offer,
      byte[] nonce) {
    return header(market, round, author).setReveal(Reveal.newBuilder()
        .setOffer(ByteString.copyFrom(offer)).setNonce(ByteString.copyFrom(nonce))).build();
  }

  /** A clearing announcement body. */
  public static MarketMessage clearing(String market, long round, PeerId author,
      ClearingAnnouncement announcement) {
    return header(market, round, author).setClearing(announcement).build();
  }

  /**
   * A provider announcement body, for the topic {@code /icon/providers/1} (pass that as {@code
   * market}); {@code round} is the round it was made in.
   */
  public static MarketMessage announcement(String market, long round, PeerId author,
      ProviderAnnouncement announcement) {
    return header(market, round, author).setAnnouncement(announcement).build();
  }

  private static MarketMessage.Builder header(String market, long round, PeerId author) {
    return MarketMessage.newBuilder().setVersion(VERSION).setMarket(market).setRound(round)
        .setAuthor(ByteString.copyFrom(author.toBytes()));
  }

  /**
   * Signs {@code message} with {@code key} and encodes it.
   *
   * @throws MarketException {@link MarketError#OVERSIZED} above the limit
   */
  public byte[] encode(PrivateKey key, MarketMessage message) {
    byte[] body = message.toByteArray();
    byte[] out = SignedMarketMessage.newBuilder().setMessage(ByteString.copyFrom(body))
        .setPublicKey(ByteString.copyFrom(key.publicKey().toProtobuf()))
        .setSignature(ByteString.copyFrom(key.sign(signingBytes(body))))
        .build().toByteArray();
    if (out.length > maxMessageBytes) {
      throw new MarketException(MarketError.OVERSIZED,
          "message of " + out.length + " bytes exceeds " + maxMessageBytes);
    }
    return out;
  }

  /**
   * Decodes and verifies one message.
   *
   * @throws MarketException {@link MarketError#OVERSIZED}, {@link MarketError#MALFORMED}, {@link
   *     MarketError#UNSUPPORTED_VERSION}, {@link MarketError#AUTHOR_MISMATCH} or {@link
   *     MarketError#BAD_SIGNATURE}
   */
  public MarketFrame decode(byte[] data) {
    if (data.length > maxMessageBytes) {
      throw new MarketException(MarketError.OVERSIZED,
          "message of " + data.length + " bytes exceeds " + maxMessageBytes);
    }
    SignedMarketMessage signed;
    MarketMessage m;
    try {
      signed = SignedMarketMessage.parseFrom(data);
      m = MarketMessage.parseFrom(signed.getMessage());
    } catch (InvalidProtocolBufferException e) {
      throw new MarketException(MarketError.MALFORMED, "undecodable message: " + e.getMessage());
    }
    if (m.getVersion() != VERSION) {
      throw new MarketException(MarketError.UNSUPPORTED_VERSION,
          "version " + m.getVersion() + ", this peer speaks " + VERSION);
    }
    PeerId author = parse(m.getAuthor());
    PublicKey key;
    try {
      key = PublicKey.fromProtobuf(signed.getPublicKey().toByteArray());
    } catch (RuntimeException e) {
      throw new MarketException(MarketError.MALFORMED, "bad public key: " + e.getMessage());
    }
    if (!key.peerId().equals(author)) {
      throw new MarketException(MarketError.AUTHOR_MISMATCH,
          "key of " + key.peerId() + " signs a message by " + author);
    }
    if (!key.verify(signingBytes(signed.getMessage().toByteArray()),
        signed.getSignature().toByteArray())) {
      throw new MarketException(MarketError.BAD_SIGNATURE, "signature of " + author);
    }
    if (m.getMarket().isEmpty()) {
      throw new MarketException(MarketError.MALFORMED, "market id missing");
    }
    if (m.getRound() < 0) {
      throw new MarketException(MarketError.MALFORMED, "round beyond 2^63: " + m.getRound());
    }
    return body(m, author);
  }

  private static MarketFrame body(MarketMessage m, PeerId author) {
    String market = m.getMarket();
    long round = m.getRound();
    return switch (m.getBodyCase()) {
      case COMMIT -> {
        Commit c = m.getCommit();
        if (!MarketOffer.ID.matcher(c.getOfferId()).matches()) {
          throw new MarketException(MarketError.MALFORMED, "commit offer id " + c.getOfferId());
        }
        digestLength("commit digest", c.getDigest());
        yield new MarketFrame.Commit(market, round, author, c.getOfferId(), c.getDigest());
      }
      case REVEAL -> {
        Reveal r = m.getReveal();
        int n = r.getNonce().size();
        if (n < CommitDigest.MIN_NONCE || n > CommitDigest.MAX_NONCE) {
          throw new MarketException(MarketError.MALFORMED, "nonce of " + n + " bytes, want "
              + CommitDigest.MIN_NONCE + ".." + CommitDigest.MAX_NONCE);
        }
        MarketOffer offer = OfferCodec.decode(r.getOffer().toByteArray());
        yield new MarketFrame.Reveal(market, round, author, r.getOffer(), offer, r.getNonce());
      }
      case CLEARING -> {
        ClearingAnnouncement a = m.getClearing();
        digestLength("input digest", a.getInputDigest());
        digestLength("result digest", a.getResultDigest());
        yield new MarketFrame.Clearing(market, round, author, a.getInputDigest(),
            a.getResultDigest(), a.hasResult() ? a.getResult() : null);
      }
      case ANNOUNCEMENT -> new MarketFrame.Announcement(market, round, author,
          checked(m.getAnnouncement()));
      default -> throw new MarketException(MarketError.MALFORMED, "message without a body");
    };
  }

  /** Most addresses, and most location hints, in one announcement. */
  public static final int MAX_ANNOUNCED_ENTRIES = 16;

  private static ProviderAnnouncement checked(ProviderAnnouncement a) {
    if (a.getExpiresAtMillis() <= 0 || a.getExpiresAtMillis() > Long.MAX_VALUE / 2) {
      throw new MarketException(MarketError.MALFORMED,
          "announcement expiry out of range: " + a.getExpiresAtMillis());
    }
    if (a.getUnitsAvailable() < 0 || a.getPriceHintPerUnit() < 0) {
      throw new MarketException(MarketError.MALFORMED, "announcement numbers beyond 2^63");
    }
    entries("addrs", a.getAddrsList(), 256);
    entries("locations", a.getLocationsList(), 128);
    return a;
  }

  private static void entries(String field, java.util.List<String> list, int maxLength) {
    if (list.size() > MAX_ANNOUNCED_ENTRIES) {
      throw new MarketException(MarketError.MALFORMED,
          field + " has " + list.size() + " entries, at most " + MAX_ANNOUNCED_ENTRIES);
    }
    for (String s : list) {
      if (s.isEmpty() || s.length() > maxLength) {
        throw new MarketException(MarketError.MALFORMED,
            field + " entries must have 1.." + maxLength + " characters: " + s.length());
      }
    }
  }

  private static void digestLength(String what, ByteString digest) {
    if (digest.size() != CommitDigest.LENGTH) {
      throw new MarketException(MarketError.MALFORMED,
          what + " of " + digest.size() + " bytes, want " + CommitDigest.LENGTH);
    }
  }

  private static PeerId parse(ByteString author) {
    try {
      return PeerId.fromBytes(author.toByteArray());
    } catch (RuntimeException e) {
      throw new MarketException(MarketError.MALFORMED, "bad author peer id: " + e.getMessage());
    }
  }

  static byte[] signingBytes(byte[] message) {
    byte[] out = new byte[SIGNING_PREFIX.length + message.length];
    System.arraycopy(SIGNING_PREFIX, 0, out, 0, SIGNING_PREFIX.length);
    System.arraycopy(message, 0, out, SIGNING_PREFIX.length, message.length);
    return out;
  }
}
