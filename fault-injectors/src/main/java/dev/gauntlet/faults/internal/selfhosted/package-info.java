/**
 * The simulated self-hosted model servers (vLLM on one GPU) of providers with {@code self_hosted:}: each on its own
 * loopback port, the provider routes behind a front ({@code SelfHostedFront}) that lets a simulated device
 * ({@code Gpu}) decide every chat completion: served after a pressure-dependent latency, leaking while a
 * {@code gpu_leak} fault is on, refused with PyTorch's {@code CUDA out of memory} 500 or never answered once full,
 * 503 during the cold start after {@code POST /gauntlet/restart}. {@code /metrics} speaks vLLM's and DCGM's names
 * ({@code GpuMetrics}); {@link dev.gauntlet.faults.internal.selfhosted.SelfHostedServers} starts them, switches
 * leaks, and samples each device into {@code memory.jsonl}. Internal: the public surface is the scenario keys, the
 * HTTP endpoints and {@code FaultPlane}.
 */
package dev.gauntlet.faults.internal.selfhosted;
