package dev.icon.overlay.noise;

import dev.icon.overlay.spi.Role;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Noise HandshakeState for the XX pattern:
 *
 * <pre>
 *   -> e
 *   <- e, ee, s, es
 *   -> s, se
 * </pre>
 *
 * <p>Pure computation on byte arrays; framing and I/O live in the handlers. Not thread-safe; one
 * instance per handshake. Ephemeral keys come from an injected supplier so tests are
 * deterministic.
 */
final class HandshakeState {

  /** The next handshake message, or COMPLETE. */
  enum Step {
    /** Initiator writes / responder reads {@code -> e}. */
    MESSAGE_1,
    /** Responder writes / initiator reads {@code <- e, ee, s, es}. */
    MESSAGE_2,
    /** Initiator writes / responder reads {@code -> s, se}. */
    MESSAGE_3,
    /** The handshake is done; {@link #split()} may be called. */
    COMPLETE
  }

  /** The pair of transport cipher states of one side. */
  record TransportCiphers(CipherState sender, CipherState receiver) {}

  private static final int ENCRYPTED_STATIC_LENGTH =
      NoiseProtocol.DH_LENGTH + NoiseProtocol.TAG_LENGTH;

  private final Role role;
  private final SymmetricState symmetric;
  private final X25519KeyPair localStatic;
  private final Supplier<X25519KeyPair> ephemeralSource;
  private X25519KeyPair localEphemeral;
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
  private Step step = Step.MESSAGE_1;

  /**
   * Initialize(XX, role, prologue, s).
   *
   * @param ephemeralSource called once to create this side's ephemeral key pair
   */
  HandshakeState(
      Role role, X25519KeyPair localStatic, Supplier<X25519KeyPair> ephemeralSource, byte[] prologue) {
    this.role = role;
    this.localStatic = localStatic;
    this.ephemeralSource = ephemeralSource;
    this.symmetric = new SymmetricState(NoiseProtocol.PROTOCOL_NAME);
    symmetric.mixHash(prologue);
  }

  /** The next step. */
  Step step() {
    return step;
  }

  /** Whether this side writes the next message (false: it reads it, or the handshake is done). */
  boolean isMyTurn() {
    return switch (step) {
      case MESSAGE_1, MESSAGE_3 -> role == Role.INITIATOR;
      case MESSAGE_2 -> role == Role.RESPONDER;
      case COMPLETE -> false;
    };
  }

  /** The remote's static X25519 public key, once received (a copy), else null. */
  byte[] remoteStatic() {
    return remoteStatic == null ? null : remoteStatic.clone();
  }

  /** The local static public key. */
  byte[] localStaticPublic() {
    return localStatic.publicKey();
  }

  /** The handshake hash h. */
  byte[] handshakeHash() {
    return symmetric.handshakeHash();
  }

  /**
   * WriteMessage(payload): the next handshake message carrying {@code payload}.
   *
   * @throws NoiseException FRAME_TOO_LARGE when the message would exceed 65535 bytes
   * @throws IllegalStateException when it is not this side's turn to write
   */
  byte[] writeMessage(byte[] payload) {
    if (!isMyTurn()) {
      throw new IllegalStateException("not our turn to write at " + step + " as " + role);
    }
    Parts out = new Parts();
    switch (step) {
      case MESSAGE_1 -> {
        writeEphemeral(out);
        out.add(symmetric.encryptAndHash(payload));
        step = Step.MESSAGE_2;
      }
      case MESSAGE_2 -> {
        writeEphemeral(out);
        symmetric.mixKey(X25519.dh(localEphemeral.privateKey(), remoteEphemeral)); // ee
        out.add(symmetric.encryptAndHash(localStatic.publicKey())); // s
        symmetric.mixKey(X25519.dh(localStatic.privateKey(), remoteEphemeral)); // es
        out.add(symmetric.encryptAndHash(payload));
        step = Step.MESSAGE_3;
      }
      case MESSAGE_3 -> {
        out.add(symmetric.encryptAndHash(localStatic.publicKey())); // s
        symmetric.mixKey(X25519.dh(localStatic.privateKey(), remoteEphemeral)); // se
        out.add(symmetric.encryptAndHash(payload));
        step = Step.COMPLETE;
      }
      default -> throw new IllegalStateException("handshake complete");
    }
    byte[] message = out.join();
    if (message.length > NoiseProtocol.MAX_MESSAGE_LENGTH) {
      throw new NoiseException(NoiseError.FRAME_TOO_LARGE, "handshake message of " + message.length + " bytes");
    }
    return message;
  }

  /**
   * ReadMessage(message): processes the remote's next handshake message and returns its payload.
   *
   * @throws NoiseException MALFORMED_MESSAGE when too short, DECRYPT_FAILED when it does not
   *     authenticate, INVALID_KEY for a bad DH key
   * @throws IllegalStateException when it is not the remote's turn
   */
  byte[] readMessage(byte[] message) {
    if (isMyTurn() || step == Step.COMPLETE) {
      throw new IllegalStateException("not the remote's turn at " + step + " as " + role);
    }
    Reader in = new Reader(message);
    byte[] payload;
    switch (step) {
      case MESSAGE_1 -> {
        readEphemeral(in);
        payload = symmetric.decryptAndHash(in.rest());
        step = Step.MESSAGE_2;
      }
      case MESSAGE_2 -> {
        readEphemeral(in);
        symmetric.mixKey(X25519.dh(localEphemeral.privateKey(), remoteEphemeral)); // ee
        remoteStatic = symmetric.decryptAndHash(in.take(ENCRYPTED_STATIC_LENGTH)); // s
        symmetric.mixKey(X25519.dh(localEphemeral.privateKey(), remoteStatic)); // es
        payload = symmetric.decryptAndHash(in.rest());
        step = Step.MESSAGE_3;
      }
      case MESSAGE_3 -> {
        remoteStatic = symmetric.decryptAndHash(in.take(ENCRYPTED_STATIC_LENGTH)); // s
        symmetric.mixKey(X25519.dh(localEphemeral.privateKey(), remoteStatic)); // se
        payload = symmetric.decryptAndHash(in.rest());
        step = Step.COMPLETE;
      }
      default -> throw new IllegalStateException("handshake complete");
    }
    return payload;
  }

  /** Split(): this side's sending and receiving transport cipher states. */
  TransportCiphers split() {
    if (step != Step.COMPLETE) {
      throw new IllegalStateException("handshake not complete: " + step);
    }
    CipherState[] pair = symmetric.split();
    return role == Role.INITIATOR
        ? new TransportCiphers(pair[0], pair[1])
        : new TransportCiphers(pair[1], pair[0]);
  }

  private void writeEphemeral(Parts out) {
    localEphemeral = ephemeralSource.get();
    byte[] pub = localEphemeral.publicKey();
    out.add(pub);
    symmetric.mixHash(pub);
  }

  private void readEphemeral(Reader in) {
    remoteEphemeral = in.take(NoiseProtocol.DH_LENGTH);
    symmetric.mixHash(remoteEphemeral);
  }

  /** Concatenates message parts. */
  private static final class Parts {
    private byte[] bytes = new byte[0];

    void add(byte[] part) {
      byte[] joined = Arrays.copyOf(bytes, bytes.length + part.length);
      System.arraycopy(part, 0, joined, bytes.length, part.length);
      bytes = joined;
    }

    byte[] join() {
      return bytes;
    }
  }

  /** Reads fixed-size fields off a message, failing with MALFORMED_MESSAGE when too short. */
  private static final class Reader {
    private final byte[] message;
    private int offset;

    Reader(byte[] message) {
      this.message = message;
    }

    byte[] take(int n) {
      if (message.length - offset < n) {
        throw new NoiseException(
            NoiseError.MALFORMED_MESSAGE, "handshake message of " + message.length + " bytes is too short");
      }
      byte[] part = Arrays.copyOfRange(message, offset, offset + n);
      offset += n;
      return part;
    }

    byte[] rest() {
      byte[] part = Arrays.copyOfRange(message, offset, message.length);
      offset = message.length;
      return part;
    }
  }
}
