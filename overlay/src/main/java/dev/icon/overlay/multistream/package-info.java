/** multistream-select 1.0: codec and the initiator/responder handler used for security, muxer and per-stream protocol negotiation. */
package dev.icon.overlay.multistream;
