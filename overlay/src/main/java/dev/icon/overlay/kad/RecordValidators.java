package dev.icon.overlay.kad;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The registry of {@link RecordValidator}s by namespace: a key {@code /ns/rest} belongs to
 * namespace {@code ns}. Rejects, with a {@link KadException} saying why, records above the size
 * limit ({@link KadError#OVERSIZED_RECORD}), keys that are not {@code /ns/...} ({@link
 * KadError#MALFORMED_KEY}) and unknown namespaces ({@link KadError#UNKNOWN_NAMESPACE}).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RecordValidators {

  private static final int MAX_NAMESPACE_LENGTH = 64;

  private final int maxRecordSize;
  private final Map<String, RecordValidator> byNamespace;

  private RecordValidators(int maxRecordSize, Map<String, RecordValidator> byNamespace) {
    this.maxRecordSize = maxRecordSize;
    this.byNamespace = Map.copyOf(byNamespace);
  }

  /** ICON's set: {@code /pk/} ({@link PublicKeyValidator}) and {@code /icon/} (signed records). */
  public static RecordValidators defaults(KadConfig config, Clock clock) {
    return builder(config.maxRecordSize())
        .add(PublicKeyValidator.NAMESPACE, new PublicKeyValidator())
        .add(IconRecordValidator.NAMESPACE, new IconRecordValidator(clock))
        .build();
  }

  /** An empty builder for records of at most {@code maxRecordSize} bytes (key plus value). */
  public static Builder builder(int maxRecordSize) {
    if (maxRecordSize <= 0) {
      throw new IllegalArgumentException("maxRecordSize must be positive: " + maxRecordSize);
    }
    return new Builder(maxRecordSize);
  }

  /** The namespaces with a validator. */
  public Set<String> namespaces() {
    return byNamespace.keySet();
  }

  /**
   * The namespace of {@code key}: the text between its leading {@code /} and the next {@code /}.
   *
   * @throws KadException ({@link KadError#MALFORMED_KEY}) if the key has no such namespace
   */
  public static String namespace(byte[] key) {
    if (key.length < 3 || key[0] != '/') {
      throw new KadException(KadError.MALFORMED_KEY, "record key does not start with /namespace/");
    }
    int end = 1;
    while (end < key.length && end <= MAX_NAMESPACE_LENGTH && key[end] != '/') {
      if (key[end] < 0x21 || key[end] > 0x7e) {
        throw new KadException(KadError.MALFORMED_KEY, "record namespace is not printable ASCII");
      }
      end++;
    }
    if (end == 1 || end >= key.length || key[end] != '/') {
      throw new KadException(KadError.MALFORMED_KEY,
          "record key does not start with /namespace/ (namespace of 1.." + MAX_NAMESPACE_LENGTH
              + " characters)");
    }
    return new String(key, 1, end - 1, StandardCharsets.US_ASCII);
  }

  /** Accepts the record or throws a {@link KadException} saying why not. */
  public void validate(byte[] key, byte[] value) {
    if ((long) key.length + value.length > maxRecordSize) {
      throw new KadException(KadError.OVERSIZED_RECORD, "record of " + (key.length + value.length)
          + " bytes exceeds the limit of " + maxRecordSize);
    }
    validatorFor(key).validate(key, value);
  }

  /**
   * The index in {@code values} of the best valid record for {@code key}; invalid ones are skipped.
   *
   * @throws KadException ({@link KadError#NO_VALID_RECORD}) if none is valid, or the key's error
   */
  public int select(byte[] key, List<byte[]> values) {
    RecordValidator validator = validatorFor(key);
    List<Integer> validIndexes = new ArrayList<>();
    List<byte[]> valid = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      try {
        validate(key, values.get(i));
        validIndexes.add(i);
        valid.add(values.get(i));
      } catch (KadException e) {
        // Skipped: an invalid record never wins.
      }
    }
    if (valid.isEmpty()) {
      throw new KadException(KadError.NO_VALID_RECORD,
          "none of " + values.size() + " records is valid");
    }
    return validIndexes.get(validator.select(key, valid));
  }

  private RecordValidator validatorFor(byte[] key) {
    String namespace = namespace(key);
    RecordValidator validator = byNamespace.get(namespace);
    if (validator == null) {
      throw new KadException(
          KadError.UNKNOWN_NAMESPACE, "no validator for namespace /" + namespace + "/");
    }
    return validator;
  }

  /** Collects validators; not thread-safe. */
  public static final class Builder {
    private final int maxRecordSize;
    private final Map<String, RecordValidator> byNamespace = new LinkedHashMap<>();

    private Builder(int maxRecordSize) {
      this.maxRecordSize = maxRecordSize;
    }

    /**
     * Registers {@code validator} for keys {@code /namespace/...}.
     *
     * @throws IllegalArgumentException if the namespace is empty, contains '/', or is taken
     */
    public Builder add(String namespace, RecordValidator validator) {
      Objects.requireNonNull(validator, "validator");
      if (namespace.isEmpty() || namespace.contains("/")) {
        throw new IllegalArgumentException("namespace must be non-empty without '/': " + namespace);
      }
      if (byNamespace.putIfAbsent(namespace, validator) != null) {
        throw new IllegalArgumentException("namespace already has a validator: " + namespace);
      }
      return this;
    }

    /** The registry. */
    public RecordValidators build() {
      return new RecordValidators(maxRecordSize, byNamespace);
    }
  }
}
