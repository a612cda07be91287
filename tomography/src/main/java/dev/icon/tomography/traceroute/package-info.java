/**
 * Runs the system traceroute and reads its output.
 *
 * <p>{@link dev.icon.tomography.traceroute.TracerouteRunner} is the seam: {@link
 * dev.icon.tomography.traceroute.ProcessTracerouteRunner} runs {@code traceroute -n} (settings in
 * {@link dev.icon.tomography.traceroute.TracerouteConfig}, including a command prefix such as
 * {@code ip netns exec NS}) with bounded parallelism and cancellation, through the process seam
 * {@link dev.icon.tomography.traceroute.CommandExecutor}; {@link
 * dev.icon.tomography.traceroute.CachingTracerouteRunner} keeps results for a TTL on an injected
 * clock. {@link dev.icon.tomography.traceroute.TracerouteParser} (stateless) turns output into
 * {@link dev.icon.tomography.traceroute.TracerouteResult}s of hops and probes. Failures are {@link
 * dev.icon.tomography.traceroute.TracerouteException}s with a {@link
 * dev.icon.tomography.traceroute.TracerouteError}.
 */
package dev.icon.tomography.traceroute;
