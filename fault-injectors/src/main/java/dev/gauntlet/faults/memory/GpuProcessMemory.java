package dev.gauntlet.faults.memory;

import java.util.OptionalLong;

/**
 * One compute process on a GPU. Immutable.
 *
 * @param usedBytes empty where NVML cannot tell (some virtualised or MIG set-ups, or without the rights to see it)
 */
public record GpuProcessMemory(long pid, OptionalLong usedBytes) {}
