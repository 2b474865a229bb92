/**
 * Internals of the reference agent: the tool-calling loop, provider policies (resilient and
 * naive), tool policies, the tool client, conversation memory and the response cache (in the
 * process or in Redis), the HTTP handlers, and the watchdog of a self-hosted model server with
 * its Prometheus text parser. Not an API; free to change.
 */
package dev.gauntlet.agent.internal;
