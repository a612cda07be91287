package dev.icon.node.yard;

import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.AgreementStore;
import dev.icon.market.negotiate.NegotiateException;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.node.deploy.AdmissionCheck;
import dev.icon.node.deploy.DeployKind;
import dev.icon.node.runtime.ResourceLimits;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's view of its agreements: an agreement counts only when it is stored, verifies
 * (terms and both signatures, {@link SignedAgreement#verify}), names this provider and its period
 * covers now (by the injected clock). Also the {@link AdmissionCheck} of the deploy receiver: an
 * artifact is admitted only from the agreement's consumer, under such an agreement, up to its
 * size allowance ({@code disk_mib x units} MiB when the agreement sets a disk size, else the
 * configured default).
 *
 * <p>Threading: thread-safe and non-blocking as long as the store is (the in-memory store is);
 * each lookup verifies two Ed25519 signatures.
 */
public final class AgreementBook implements AdmissionCheck {

  private final AgreementStore store;
  private final PeerId self;
  private final Clock clock;
  private final long defaultMaxArtifactBytes;

  /**
   * @param defaultMaxArtifactBytes the allowance of an artifact under an agreement without a disk
   *     size, at least 1
   */
  public AgreementBook(AgreementStore store, PeerId self, Clock clock, long defaultMaxArtifactBytes) {
    this.store = Objects.requireNonNull(store, "store");
    this.self = Objects.requireNonNull(self, "self");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (defaultMaxArtifactBytes < 1) {
      throw new IllegalArgumentException("defaultMaxArtifactBytes: must be at least 1, got "
          + defaultMaxArtifactBytes);
    }
    this.defaultMaxArtifactBytes = defaultMaxArtifactBytes;
  }

  /**
   * The agreement {@code agreementId} (hex) if it is valid for this provider now.
   *
   * @throws YardException NO_AGREEMENT, NOT_FOR_US or EXPIRED
   */
  public SignedAgreement valid(String agreementId) {
    AgreementId id;
    try {
      id = AgreementId.parse(agreementId);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new YardException(YardRefusal.NO_AGREEMENT, "'" + agreementId + "' is no agreement id");
    }
    Optional<byte[]> bytes = store.find(id);
    if (bytes.isEmpty()) {
      throw new YardException(YardRefusal.NO_AGREEMENT, "no agreement " + id + " is stored");
    }
    SignedAgreement a;
    try {
      a = SignedAgreement.verify(bytes.get());
    } catch (NegotiateException e) {
      throw new YardException(YardRefusal.NO_AGREEMENT, "stored agreement " + id
          + " does not verify: " + e.getMessage());
    }
    if (!a.id().equals(id)) {
      throw new YardException(YardRefusal.NO_AGREEMENT, "stored under " + id + " is " + a.id());
    }
    if (!a.provider().equals(self)) {
      throw new YardException(YardRefusal.NOT_FOR_US, "agreement " + id + " names provider "
          + a.provider());
    }
    long now = clock.millis();
    AgreementTerms t = a.terms();
    if (now < t.getStartMillis() || now >= t.getEndMillis()) {
      throw new YardException(YardRefusal.EXPIRED, "agreement " + id + " runs from "
          + t.getStartMillis() + " to " + t.getEndMillis() + " (ms), now is " + now);
    }
    return a;
  }

  /** The runtime limits of an agreement: its resources times its units. */
  public static ResourceLimits limitsOf(SignedAgreement a) {
    ResourceSpec r = a.terms().getResources();
    long units = Math.max(1, a.terms().getUnits());
    ResourceSpec total = ResourceSpec.newBuilder()
        .setCpuMillis(Math.toIntExact(r.getCpuMillis() * units))
        .setMemoryMib(Math.toIntExact(r.getMemoryMib() * units))
        .setDiskMib(Math.toIntExact(r.getDiskMib() * units)).build();
    return ResourceLimits.from(total);
  }

  /** The most bytes one artifact may have under {@code a}. */
  public long allowance(SignedAgreement a) {
    long diskMib = (long) a.terms().getResources().getDiskMib() * Math.max(1, a.terms().getUnits());
    return diskMib > 0 ? diskMib * 1024 * 1024 : defaultMaxArtifactBytes;
  }

  @Override
  public Admission check(PeerId peer, String agreementId, DeployKind kind, long size) {
    SignedAgreement a;
    try {
      a = valid(agreementId);
    } catch (YardException e) {
      return Admission.deny(e.getMessage());
    } catch (RuntimeException e) {
      // A store that cannot answer must not take the stream's event loop down.
      return Admission.deny(YardRefusal.NO_AGREEMENT + ": agreement store failed: " + e);
    }
    if (!a.consumer().equals(peer)) {
      return Admission.deny(YardRefusal.NOT_FOR_US + ": " + peer + " is not the consumer of "
          + a.id());
    }
    long max = allowance(a);
    if (size > max) {
      return Admission.deny(YardRefusal.OVER_CAPACITY + ": " + kind + " of " + size
          + " bytes exceeds the agreement's allowance of " + max);
    }
    return Admission.allow(max);
  }
}
