package dev.icon.overlay.api;

/**
 * Serves one application protocol on inbound streams: registered with the host under a protocol
 * id, it is called once per stream the remote opens with that id.
 *
 * <p>Threading: called on the stream's event loop right after negotiation, before any data of the
 * stream is delivered; it must not block. Set a reader ({@link Stream#onData}) or take the stream
 * over with Netty handlers ({@link Stream#channel()}) before returning so no byte is missed. The
 * handler owns the stream: it closes it when done.
 */
@FunctionalInterface
public interface StreamHandler {

  /** Handles a newly negotiated inbound stream. */
  void handle(Stream stream);
}
