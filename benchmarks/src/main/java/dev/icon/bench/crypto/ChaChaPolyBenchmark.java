package dev.icon.bench.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK's ChaCha20-Poly1305 alone, on the buffer sizes Noise transport messages use: the ceiling
 * for any Noise implementation on this runtime. Bytes per second = ops/s x size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChaChaPolyBenchmark {

  /** 65519 is the largest Noise plaintext (65535 minus the 16-byte tag). */
  @Param({"1024", "16384", "65519"})
  public int size;

  /** Where the bytes live: byte arrays ("heap") or direct ByteBuffers ("direct"). */
  @Param({"heap", "direct"})
  public String memory;

  private Cipher cipher;
  private Cipher opener;
  private SecretKeySpec key;
  private ByteBuffer plain;
  private ByteBuffer sealed;
  private ByteBuffer sealedInput;
  private ByteBuffer opened;
  private long nonce;

  @Setup
  public void setUp() throws GeneralSecurityException {
    cipher = Cipher.getInstance("ChaCha20-Poly1305");
    key = new SecretKeySpec(new byte[32], "ChaCha20");
    opener = Cipher.getInstance("ChaCha20-Poly1305");
    boolean direct = memory.equals("direct");
    plain = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    sealed = direct ? ByteBuffer.allocateDirect(size + 16) : ByteBuffer.allocate(size + 16);
    opened = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[12]));
    sealedInput = direct ? ByteBuffer.allocateDirect(size + 16) : ByteBuffer.allocate(size + 16);
    cipher.doFinal(plain.duplicate(), sealedInput);
    sealedInput.flip();
  }

  /** Opens one message (the same one each time: decryption may reuse key and nonce). */
  @Benchmark
  public int open() throws GeneralSecurityException {
    opener.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[12]));
    opened.clear();
    return opener.doFinal(sealedInput.duplicate(), opened);
  }

  /** Seals one message with a fresh nonce, as a Noise CipherState does. */
  @Benchmark
  public int seal() throws GeneralSecurityException {
    byte[] iv = new byte[12];
    long n = ++nonce;
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (n >>> (8 * i));
    }
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
    plain.clear();
    sealed.clear();
    return cipher.doFinal(plain, sealed);
  }
}
