/**
 * Network faults: {@link dev.gauntlet.faults.network.ToxiproxyServer}, a Toxiproxy-compatible server inside the JVM.
 *
 * <h2>The API</h2>
 * Toxiproxy 2.x's routes, bodies and status codes: {@code GET /version}; {@code POST /reset} (204);
 * {@code GET|POST /proxies} (create: 201, 409 for a taken name, 400 without name or upstream or with an address that
 * is no {@code host:port}, 500 when the listen address cannot be bound); {@code POST /populate} (201
 * {@code {"proxies": [...]}}; a proxy whose listen and upstream match is kept with its toxics, one that differs is
 * replaced); {@code GET|POST|PATCH|DELETE /proxies/{name}}; {@code GET|POST /proxies/{name}/toxics} (create: 200,
 * 409 for a taken name, 400 for an unknown type or stream); {@code GET|POST|PATCH|DELETE
 * /proxies/{name}/toxics/{toxic}}. Errors answer {@code {"error": "...", "status": N}} with Toxiproxy's messages
 * ({@code proxy not found}, {@code toxic already exists}, {@code invalid toxic type}, …), which toxiproxy-java turns
 * into {@code IOException("[409] proxy already exists")}. A listen port of 0 is replaced by the port bound.
 *
 * <h2>Toxics</h2>
 * {@code latency} (latency, jitter: ms), {@code bandwidth} (rate: KB/s of 1000 bytes), {@code slow_close} (delay:
 * ms), {@code timeout} (timeout: ms, 0 holds data until the toxic is removed), {@code reset_peer} (timeout: ms, then
 * RST through SO_LINGER 0), {@code slicer} (average_size, size_variation: bytes; delay: µs) and {@code limit_data}
 * (bytes), with Toxiproxy's attribute names, units and defaults: every attribute 0, stream {@code downstream},
 * toxicity 1, name {@code <type>_<stream>}. As in Toxiproxy, toxics on a direction act in the order they were
 * added, and a toxic added, updated or removed on a live proxy changes every open connection at once, before the
 * API call returns: data already held by the toxics ahead of it passes through it, data already written does not.
 * A removed toxic lets what it held go on at once (a removed {@code timeout 0} releases the data it held). The end
 * of a stream (a peer closing) travels through the toxics like data, so latency delays it and slow_close holds it;
 * then the whole connection is closed, as Toxiproxy closes both sides.
 *
 * <h2>Toxicity and seeds</h2>
 * Whether a toxic applies is decided once per connection and toxic: a uniform draw from the server's seed, the
 * proxy's name, the connection's number on that proxy (in accept order) and the toxic's name is compared with the
 * toxicity. Rerunning with the same seed and the same order of connections hits the same connections, and raising a
 * toxicity only adds connections to those hit. Jitter and slice sizes draw from the same key.
 *
 * <h2>Where it differs from Toxiproxy</h2>
 * <ul>
 *   <li>A proxy created without {@code listen} listens on {@code 127.0.0.1:0}, not on every interface.</li>
 *   <li>Toxiproxy redraws a toxic's toxicity whenever a link restarts it (on updates, and on adding a later toxic);
 *       here the draw for a connection and toxic never changes, only the toxicity it is compared with.</li>
 *   <li>Input Toxiproxy would accept is refused with a 400 naming the field: toxicity outside [0, 1], negative or
 *       fractional attributes. Duplicate names in one populate call are a 400 rather than a 500.</li>
 *   <li>{@code reset_peer} sends RST when it fires; Toxiproxy also sets SO_LINGER 0 as soon as the toxic is on a
 *       link, so that even an ordinary close of that connection is a reset.</li>
 *   <li>{@code GET /version} answers {@code {"version": "2.12.0+gauntlet"}}; there is no {@code /metrics}, no
 *       {@code -config} file, no refusal of browser user agents, and only the seven toxics above.</li>
 * </ul>
 */
package dev.gauntlet.faults.network;
