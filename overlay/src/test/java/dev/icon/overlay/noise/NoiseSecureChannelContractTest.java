package dev.icon.overlay.noise;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.SecureChannelContractTest;

class NoiseSecureChannelContractTest extends SecureChannelContractTest {

  @Override
  protected SecureChannel newSecureChannel(PrivateKey identity) {
    return new NoiseSecureChannel(identity, NoiseConfig.forTests());
  }
}
