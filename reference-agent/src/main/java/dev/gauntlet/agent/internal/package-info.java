/**
 * Internals of the reference agent: the tool-calling loop, provider policies (resilient and
 * naive), tool policies, the tool client and the HTTP handlers. Not an API; free to change.
 */
package dev.gauntlet.agent.internal;
