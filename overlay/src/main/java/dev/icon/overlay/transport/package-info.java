/** The {@link dev.icon.overlay.transport.Transport} seam and its TCP implementation on Netty (epoll when available, NIO otherwise). */
package dev.icon.overlay.transport;
