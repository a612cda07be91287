/**
 * DNS for on-path discovery, on dnsjava against configured servers.
 *
 * <p>{@link dev.icon.tomography.dns.DnsResolver} is the seam: {@link
 * dev.icon.tomography.dns.DnsjavaResolver} asks real servers (timeouts, retries, failover), {@link
 * dev.icon.tomography.dns.CachingDnsResolver} keeps positive answers for their TTL and negative ones
 * (NXDOMAIN/NODATA) per RFC 2308. {@link dev.icon.tomography.dns.DnsDiscovery} does the lookups:
 * reverse names of hops, and providers under a domain (SRV, TXT {@code icon-peer=}/{@code
 * icon-addr=} read by {@link dev.icon.tomography.dns.ProviderTxt}, A/AAAA). {@link
 * dev.icon.tomography.dns.CandidateDomains} turns a router name into the domains to try. Settings in
 * {@link dev.icon.tomography.dns.DnsConfig}; servers parsed by {@link
 * dev.icon.tomography.dns.DnsServers}.
 *
 * <p>Registration: {@link dev.icon.tomography.dns.DnsUpdater} publishes a {@link
 * dev.icon.tomography.dns.ProviderRegistration} by RFC 2136 dynamic update signed with TSIG
 * ({@link dev.icon.tomography.dns.TsigKeys}), and removes it.
 */
package dev.icon.tomography.dns;
