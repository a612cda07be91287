package dev.icon.overlay.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Key test vectors from libp2p/specs peer-ids/peer-ids.md ("Test vectors"). The expected peer ids
 * were computed independently (Python: sha256 + base58/base32) and agree with other
 * implementations' published expectations.
 */
final class SpecVectors {

  static final HexFormat HEX = HexFormat.of();

  static final String ED25519_PRIVATE = "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2"
      + "e148ec9da60fee7d1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  static final String ED25519_PUBLIC =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  static final String ED25519_PEER = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";
  static final String ED25519_CID =
      "bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6";

  static final String SECP256K1_PRIVATE =
      "0802122053DADF1D5A164D6B4ACDB15E24AA4C5B1D3461BDBD42ABEDB0A4404D56CED8FB";
  static final String SECP256K1_PUBLIC =
      "08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99";
  static final String SECP256K1_PEER = "16Uiu2HAmLhLvBoYaoZfaMUKuibM6ac163GwKY74c5kiSLg5KvLpY";
  static final String SECP256K1_CID =
      "bafzaajiiaijcca3xo7uzjzcsyilaj6i54cj44qk7kqzpoao5rti2pjx6udtdbp6kte";

  static final String ECDSA_PRIVATE = "08031279307702010104203E5B1FE9712E6C314942A750BD67485DE3C1"
      + "EFE85B1BFB520AE8F9AE3DFA4A4CA00A06082A8648CE3D030107A14403420004DE3D300FA36AE0E8F5D53089"
      + "9D83ABAB44ABF3161F162A4BC901D8E6ECDA020E8B6D5F8DA30525E71D6851510C098E5C47C646A597FB4DCE"
      + "C034E9F77C409E62";
  static final String ECDSA_PUBLIC = "0803125b3059301306072a8648ce3d020106082a8648ce3d0301070342"
      + "0004de3d300fa36ae0e8f5d530899d83abab44abf3161f162a4bc901d8e6ecda020e8b6d5f8da30525e71d68"
      + "51510c098e5c47c646a597fb4dcec034e9f77c409e62";
  static final String ECDSA_PEER = "QmVMT29id3TUASyfZZ6k9hmNyc2nYabCo4uMSpDw4zrgDk";
  static final String ECDSA_CID = "bafzbeidigywdclqvl5hxfefwp5onbffcfife7pza57mmfb4tiqmtkdjw64";

  /** 4096-bit RSA; the long hex lives in test resources. */
  static final String RSA_PRIVATE = resource("rsa-private-key.hex");
  static final String RSA_PUBLIC = resource("rsa-public-key.hex");
  static final String RSA_PEER = "QmaeANgBs1DTSxWSrPPtobgQuxW8XTfsS4ydbK4rCHzqxG";
  static final String RSA_CID = "bafzbeifwzcumbiyql7bhv7fe7mixg6i7aohegq75k234m63bnw6dbicmzu";

  private SpecVectors() {}

  static byte[] bytes(String hex) {
    return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
  }

  private static String resource(String name) {
    try (InputStream in = SpecVectors.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
