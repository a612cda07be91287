/**
 * Multiaddrs: self-describing network addresses such as {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3...},
 * in text and binary form. Supports ip4, ip6, ip6zone, tcp, udp, dns, dns4, dns6, dnsaddr, p2p
 * (alias ipfs), sni, certhash and the value-less markers (p2p-circuit, ws, wss, tls, noise, quic,
 * quic-v1, webtransport, webrtc, webrtc-direct, http); anything else is rejected with a {@link
 * dev.icon.overlay.multiaddr.MultiaddrException} naming the unknown code or name.
 */
package dev.icon.overlay.multiaddr;
