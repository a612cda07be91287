/**
 * On-path discovery: {@link dev.icon.tomography.discovery.PathDiscovery} combines a {@link
 * dev.icon.tomography.traceroute.TracerouteRunner} with {@link
 * dev.icon.tomography.dns.DnsDiscovery} into one {@link
 * dev.icon.tomography.discovery.TargetReport} per target: hops with reverse names, the domains
 * tried, the providers found.
 */
package dev.icon.tomography.discovery;
