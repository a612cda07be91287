/** The Netty implementation of the host: connection upgrade, connection manager, dialer, peer store, identify service and protocol registry. Users go through {@code dev.icon.overlay.api}. */
package dev.icon.overlay.host;
