package dev.gauntlet.cli;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.faults.memory.GpuMemoryInjector;
import dev.gauntlet.faults.memory.GpuSampler;
import dev.gauntlet.faults.memory.HostMemoryInjector;
import dev.gauntlet.faults.memory.MemoryHold;
import dev.gauntlet.faults.memory.MemoryRamp;
import dev.gauntlet.faults.memory.MissingLibraryException;
import dev.gauntlet.faults.memory.ProcessMemorySampler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gauntlet inject host-memory|gpu-memory}: takes real memory on this host for a game day, at a rate, holds it
 * for {@code --hold} or until Ctrl-C, and gives it all back. A missing native library is one line on stderr and
 * exit code 4.
 */
@Command(
    name = "inject",
    description =
        "Take real memory on this host for a game day: host RAM (libc) or GPU "
            + "memory (CUDA), at a rate, held until Ctrl-C or --hold, then given back.",
    subcommands = {InjectCommand.HostMemory.class, InjectCommand.GpuMemory.class})
final class InjectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "inject needs a subcommand: host-memory or gpu-memory");
  }

  /** Options both subcommands take. */
  abstract static class Ramped implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--mb",
        required = true,
        paramLabel = "MIB",
        description = "How much to take, in MiB.")
    long megabytes;

    @Option(
        names = "--rate",
        required = true,
        paramLabel = "MIB_PER_S",
        description = "How fast, in MiB/s.")
    double rate;

    @Option(
        names = "--hold",
        paramLabel = "DURATION",
        converter = ServeCommand.DurationConverter.class,
        description =
            "Hold this long once all of it is taken, e.g. 30s or 10m (default: until Ctrl-C).")
    Duration hold;

    MemoryRamp ramp() {
      if (megabytes <= 0) {
        throw new ParameterException(spec.commandLine(), "--mb must be > 0, but was " + megabytes);
      }
      if (!(rate > 0)) {
        throw new ParameterException(spec.commandLine(), "--rate must be > 0, but was " + rate);
      }
      return new MemoryRamp(megabytes, rate);
    }

    /** Holds until {@code --hold} has passed (or Ctrl-C), printing a sample a second, then releases. */
    int holdAndRelease(MemoryHold memory, Supplier<String> sample) throws InterruptedException {
      PrintStream out = System.out;
      Thread onCtrlC =
          new Thread(
              () -> {
                memory.close();
                out.println("interrupted: released everything");
              });
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      try (memory) {
        while (!memory.awaitTarget(Duration.ofSeconds(1)) && memory.failure().isEmpty()) {
          out.printf(
              "  taking: %d of %d MiB; %s%n",
              mib(memory.allocatedBytes()), megabytes, sample.get());
        }
        Optional<String> failure = memory.failure();
        failure.ifPresent(
            why ->
                out.printf(
                    "stopped short at %d of %d MiB: %s%n",
                    mib(memory.allocatedBytes()), megabytes, why));
        out.printf(
            "held %d MiB%s; %s%n",
            mib(memory.allocatedBytes()),
            hold == null ? " until Ctrl-C" : " for " + hold.toString().substring(2).toLowerCase(),
            sample.get());
        long end = hold == null ? Long.MAX_VALUE : System.nanoTime() + hold.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) {
          Thread.sleep(Math.min(1000, Math.max(1, left / 1_000_000)));
          out.printf("  holding %d MiB; %s%n", mib(memory.allocatedBytes()), sample.get());
        }
        memory.close();
        out.printf("released; %s%n", sample.get());
        return failure.isPresent() ? ExitCodes.HARNESS_FAILED : ExitCodes.PASSED;
      } finally {
        removeHook(onCtrlC);
      }
    }

    private static void removeHook(Thread hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is what released the memory.
      }
    }

    static long mib(long bytes) {
      return bytes / MemoryRamp.MIB;
    }

    int missing(RuntimeException e) {
      System.err.println("gauntlet: " + e.getMessage());
      return ExitCodes.HARNESS_FAILED;
    }
  }

  /** {@code gauntlet inject host-memory}. */
  @Command(
      name = "host-memory",
      description =
          "Take host memory in this process (anonymous mmap, every page "
              + "touched, so RSS grows), print RSS while holding, give it back.",
      exitCodeOnInvalidInput = ExitCodes.INVALID_INPUT,
      exitCodeOnExecutionException = ExitCodes.HARNESS_FAILED)
  static final class HostMemory extends Ramped {

    @Override
    public Integer call() throws InterruptedException {
      MemoryRamp ramp = ramp();
      HostMemoryInjector injector;
      try {
        injector = HostMemoryInjector.load();
      } catch (MissingLibraryException e) {
        return missing(e);
      }
      ProcessMemorySampler self = ProcessMemorySampler.self();
      double start = self.sample().residentMegabytes();
      System.out.printf(
          "gauntlet inject host-memory: taking %d MiB at %s MiB/s in process %d (RSS now %.1f MiB)%n",
          megabytes, Format.rate(rate), ProcessHandle.current().pid(), start);
      return holdAndRelease(
          injector.start(ramp),
          () -> {
            double now = self.sample().residentMegabytes();
            return String.format("RSS %.1f MiB (%+.1f MiB since start)", now, now - start);
          });
    }
  }

  /** {@code gauntlet inject gpu-memory}. */
  @Command(
      name = "gpu-memory",
      description =
          "Take memory on one GPU through the CUDA runtime (cudaMalloc), print "
              + "the device's used memory (NVML) while holding, give it back (cudaFree).",
      exitCodeOnInvalidInput = ExitCodes.INVALID_INPUT,
      exitCodeOnExecutionException = ExitCodes.HARNESS_FAILED)
  static final class GpuMemory extends Ramped {

    @Option(
        names = "--device",
        defaultValue = "0",
        paramLabel = "INDEX",
        description = "The CUDA device index (default: ${DEFAULT-VALUE}).")
    int device;

    @Override
    public Integer call() throws InterruptedException {
      MemoryRamp ramp = ramp();
      GpuMemoryInjector cuda;
      int devices;
      try {
        cuda = GpuMemoryInjector.load();
        devices = cuda.deviceCount();
      } catch (MissingLibraryException | IllegalStateException e) {
        return missing(e);
      }
      if (device < 0 || device >= devices) {
        throw new ParameterException(
            spec.commandLine(), "--device must be in [0, " + devices + "), but was " + device);
      }
      System.out.printf(
          "gauntlet inject gpu-memory: taking %d MiB at %s MiB/s on CUDA device %d in process %d%n",
          megabytes, Format.rate(rate), device, ProcessHandle.current().pid());
      try (GpuUsage usage = GpuUsage.open(device)) {
        return holdAndRelease(cuda.start(device, ramp), usage::describe);
      }
    }
  }

  /** The device's used memory through NVML, or why it cannot be read. */
  private record GpuUsage(GpuSampler nvml, int device, String unavailable)
      implements AutoCloseable {

    static GpuUsage open(int device) {
      try {
        return new GpuUsage(GpuSampler.open(), device, null);
      } catch (MissingLibraryException | IllegalStateException e) {
        return new GpuUsage(null, device, "device memory not sampled: " + e.getMessage());
      }
    }

    String describe() {
      // NVML indexes devices in PCI order; CUDA's order can differ under CUDA_VISIBLE_DEVICES.
      return nvml == null
          ? unavailable
          : String.format(
              "NVML device %d used %d MiB", device, Ramped.mib(nvml.sample(device).usedBytes()));
    }

    @Override
    public void close() {
      if (nvml != null) {
        nvml.close();
      }
    }
  }

  /** Small formatting helpers. */
  private static final class Format {
    static String rate(double rate) {
      return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
  }
}
