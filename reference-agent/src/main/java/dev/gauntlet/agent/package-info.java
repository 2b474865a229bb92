/**
 * The reference agent: a tool-calling agent service that ships with Gauntlet so that everything
 * runs out of the box and the harness can be tested end to end.
 *
 * <p>Public surface: {@link dev.gauntlet.agent.ReferenceAgent} (main class and
 * {@code start(AgentConfig)}), {@link dev.gauntlet.agent.AgentConfig},
 * {@link dev.gauntlet.agent.ProviderConfig}, {@link dev.gauntlet.agent.StateConfig},
 * {@link dev.gauntlet.agent.WatchdogConfig}, {@link dev.gauntlet.agent.AgentMode},
 * {@link dev.gauntlet.agent.RunningAgent} and {@link dev.gauntlet.agent.InvalidConfigException}.
 * Everything in {@code dev.gauntlet.agent.internal} may change without notice.
 */
package dev.gauntlet.agent;
