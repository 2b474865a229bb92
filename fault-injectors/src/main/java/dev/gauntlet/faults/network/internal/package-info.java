/**
 * How {@link dev.gauntlet.faults.network.ToxiproxyServer} works; free to change. The API runs on one Netty event
 * loop ({@code ApiServer}, {@code ApiHandler}, {@code ApiRoutes}) over the registry of proxies ({@code Proxies},
 * {@code Proxy}); each accepted client becomes a {@code ProxiedConnection} of two sockets on one proxy event loop, joined
 * by two {@code Link}s, each a chain of {@code ToxicStage}s, one per toxic on that direction. Each toxic kind is one
 * record holding its own attributes, with its stage beside it.
 */
package dev.gauntlet.faults.network.internal;
