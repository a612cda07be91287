/**
 * Yamux ({@code /yamux/1.0.0}, libp2p specs {@code yamux/README.md}): many streams over one
 * secured connection, each a Netty child channel.
 *
 * <p>Layout: {@link dev.icon.overlay.yamux.YamuxProtocol} (constants),
 * {@link dev.icon.overlay.yamux.YamuxFrame} (immutable frame), {@link
 * dev.icon.overlay.yamux.YamuxCodec} (bytes to frames and back), {@link
 * dev.icon.overlay.yamux.YamuxHandler} (the session state machine; its stream table and pings are
 * package-private helpers), {@link dev.icon.overlay.yamux.YamuxStreamChannel} (one stream),
 * {@link dev.icon.overlay.yamux.YamuxSession} (the thread-safe facade), {@link
 * dev.icon.overlay.yamux.YamuxMuxer} (the {@link dev.icon.overlay.spi.StreamMuxer}), {@link
 * dev.icon.overlay.yamux.YamuxConfig}, {@link dev.icon.overlay.yamux.YamuxException} with {@link
 * dev.icon.overlay.yamux.YamuxError}.
 *
 * <p>Wire behaviour, chosen for interop with go, rust and js yamux:
 * <ul>
 *   <li>Every stream starts with the implicit 256 KiB window; a larger initial window is
 *       announced by a window update carrying the SYN (outbound) or ACK (inbound).</li>
 *   <li>A stream is opened by a window update with SYN (delta 0 by default) sent at once; data
 *       frames carrying SYN are accepted. Inbound streams are acknowledged on the first frame we
 *       send on them (data, window update, FIN or RST), as the spec recommends.</li>
 *   <li>Window updates return only bytes the application has read; a stream's window doubles
 *       (up to {@link dev.icon.overlay.yamux.YamuxConfig#maxStreamWindow()}) when half of it was
 *       consumed within four round trips, the RTT coming from pings (one at start, then
 *       keepalives).</li>
 *   <li>Ping echoes the opaque value with ACK, ahead of data waiting in stream queues; go-away
 *       carries 0 (normal), 1 (protocol error) or 2 (internal error).</li>
 *   <li>Keepalive: a ping every {@code keepAliveInterval}; the connection is cut only when one
 *       stays unanswered for {@code pingTimeout} and no frame arrived meanwhile (any inbound frame
 *       counts as liveness).</li>
 * </ul>
 *
 * <p>Misbehaviour: a SYN with the wrong parity or the id of a live stream, data beyond the
 * granted window, a data frame on stream 0, a malformed or oversized header, or more than
 * {@code maxStreamRejections} streams beyond the limit close the connection after a go-away
 * with code 1; data after a FIN or after a local close resets only that stream. Reasons are
 * logged by {@code YamuxHandler}.
 */
package dev.icon.overlay.yamux;
