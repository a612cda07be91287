/**
 * Unsigned varints as used by multiformats and libp2p framing (unsigned LEB128, minimally encoded,
 * at most 9 bytes / 63 bits, per the multiformats unsigned-varint spec), and
 * {@link dev.icon.overlay.varint.ProtobufFrameCodec}, the uvarint length-prefixed protobuf framing
 * shared by pubsub ({@code RpcCodec}) and kad-dht ({@code KadCodec}).
 */
package dev.icon.overlay.varint;
