/** The API users program against: {@link dev.icon.overlay.api.Host} (built with {@link dev.icon.overlay.api.HostBuilder}), connections, streams, the peer store and events. Futures complete on Netty event loops; no Netty type is needed except through the {@link dev.icon.overlay.api.Stream#channel()} escape hatch. */
package dev.icon.overlay.api;
