/**
 * Direct RTT probes: {@link dev.icon.tomography.probe.Prober} (seam) and {@link
 * dev.icon.tomography.probe.PingProber} (the system {@code ping -n}, parsed strictly by {@link
 * dev.icon.tomography.probe.PingParser}) or {@link dev.icon.tomography.probe.TcpConnectProber}
 * (handshake times to one configured port); the protocol {@code /icon/probe/1.0.0} on the overlay
 * host: {@link dev.icon.tomography.probe.ProbeService} measures on request within the budgets of
 * {@link dev.icon.tomography.probe.ProbeLimiter} (per asker, global, per target across askers) and
 * the rules of {@link dev.icon.tomography.probe.TargetFilter}; {@link
 * dev.icon.tomography.probe.ProbeClient} asks. Framing in {@link
 * dev.icon.tomography.probe.ProbeCodec}, apart from both; settings in {@link
 * dev.icon.tomography.probe.ProbeConfig} and {@link dev.icon.tomography.probe.PingConfig}.
 * {@link dev.icon.tomography.probe.ProbeRecorder} puts answers into the topology map as direct
 * edges ({@link dev.icon.tomography.map.ProbeEdges}).
 */
package dev.icon.tomography.probe;
