package dev.gauntlet.agent;

import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.agent.internal.AgentState;
import dev.gauntlet.agent.internal.AsyncTasks;
import dev.gauntlet.agent.internal.CatalogLoader;
import dev.gauntlet.agent.internal.CheckedTools;
import dev.gauntlet.agent.internal.HealthHandler;
import dev.gauntlet.agent.internal.LlmGateway;
import dev.gauntlet.agent.internal.LlmProvider;
import dev.gauntlet.agent.internal.NaiveGateway;
import dev.gauntlet.agent.internal.ResiliencePolicy;
import dev.gauntlet.agent.internal.ResilientGateway;
import dev.gauntlet.agent.internal.TaskRunner;
import dev.gauntlet.agent.internal.TaskService;
import dev.gauntlet.agent.internal.TasksHandler;
import dev.gauntlet.agent.internal.ToolCatalog;
import dev.gauntlet.agent.internal.ToolClient;
import dev.gauntlet.agent.internal.ToolPolicy;
import dev.gauntlet.agent.internal.TrustingTools;
import dev.gauntlet.agent.internal.Watchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference agent: a tool-calling agent service over HTTP that Gauntlet tests end to end.
 * Run it with {@link #main(String[])}, configured by environment variables (see {@link AgentConfig}),
 * or in-process with {@link #start(AgentConfig)}.
 *
 * <p>Loading this class sets {@code sun.net.httpserver.nodelay=true} unless it is set already, so
 * that the JDK HTTP server answers without Nagle delays; in-process callers that create a JDK
 * {@code HttpServer} before touching this class should set that property themselves.
 *
 * <p>Stateless; {@link #start(AgentConfig)} is thread-safe.
 */
public final class ReferenceAgent {
  /** Worker threads serving requests; each task blocks one for its whole loop. */
  static final int WORKER_THREADS = 256;

  /** Threads running tasks submitted with {@code "async": true}, apart from the workers so that polls are answered. */
  static final int ASYNC_THREADS = 256;

  /** How long startup keeps trying to fetch the tool catalog. */
  static final Duration CATALOG_PATIENCE = Duration.ofSeconds(30);

  static {
    // The JDK server writes headers and body separately; with Nagle on, the body waits for a
    // delayed ACK (~40 ms a request). Read once, when the first JDK HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private ReferenceAgent() {}

  /** Starts the agent from the environment; exits 1 with one line on stderr when it cannot. */
  public static void main(String[] args) throws InterruptedException {
    AgentConfig config;
    try {
      config = AgentConfig.fromEnvironment(System.getenv());
    } catch (InvalidConfigException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    RunningAgent agent;
    try {
      agent = start(config);
    } catch (UncheckedIOException e) {
      System.err.println(
          "could not listen on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + e.getCause().getMessage()
              + "; is the port taken? set AGENT_PORT to another one");
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "gauntlet-agent-shutdown"));
    if ("true".equalsIgnoreCase(System.getenv("AGENT_EXIT_WITH_PARENT"))) {
      exitWhenStdinCloses();
    }
    System.out.println(
        "reference agent (" + config.mode().label() + ") listening on " + agent.baseUri());
    if (!agent.awaitReady(CATALOG_PATIENCE.plusSeconds(5))) {
      System.err.println(
          "could not fetch the tool catalog from "
              + config.toolsUrl().map(Object::toString).orElse("")
              + "/tools after "
              + CATALOG_PATIENCE.toSeconds()
              + " s ("
              + agent.catalogError()
              + "); is the tool server running? check AGENT_TOOLS_URL");
      System.exit(1);
    }
  }

  /**
   * A harness that starts the agent as a child keeps its stdin open; when the harness dies, even by SIGKILL, the
   * pipe closes and the agent goes with it instead of lingering on its port.
   */
  private static void exitWhenStdinCloses() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // Discard; only the end of the stream matters.
                }
              } catch (IOException e) {
                // A broken pipe means the parent is gone too.
              }
              System.out.println("reference agent: parent process gone, exiting");
              System.exit(0);
            },
            "gauntlet-agent-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Starts listening now and loads the tool catalog in the background; {@code /health} answers
   * 200 once it is loaded.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static RunningAgent start(AgentConfig config) {
    boolean resilient = config.mode() == AgentMode.RESILIENT;
    ToolClient tools =
        new ToolClient(
            config.toolsUrl(), resilient ? Optional.of(config.llmTimeout()) : Optional.empty());
    CatalogLoader catalog = new CatalogLoader(tools, CATALOG_PATIENCE);
    // Naive mode has no watchdog: it reads the same variables and ignores them.
    Optional<Watchdog> watchdog =
        resilient
            ? config.watchdog().map(w -> new Watchdog(w, System.err, Clock.systemUTC()))
            : Optional.empty();
    LlmGateway gateway =
        resilient
            ? resilientGateway(config, watchdog)
            : new NaiveGateway(provider("primary", config.primary(), config));
    ToolPolicy policy = resilient ? new CheckedTools(tools) : new TrustingTools(tools);
    TaskRunner runner =
        new TaskRunner(
            gateway,
            policy,
            () -> catalog.catalog().orElse(new ToolCatalog(List.of())),
            config.effectiveMaxSteps(),
            resilient ? OptionalLong.of(config.tokenBudget()) : OptionalLong.empty());
    AgentState state = AgentState.of(config.state(), resilient, Clock.systemUTC());
    ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("worker"));
    ExecutorService asyncPool = Executors.newFixedThreadPool(ASYNC_THREADS, daemonThreads("async"));
    TaskService service = new TaskService(runner, state);
    HttpServer server = bind(config);
    server.setExecutor(workers);
    server.createContext(
        "/health", new HealthHandler(config.mode().label(), () -> catalog.catalog().isPresent()));
    server.createContext(
        "/v1/tasks",
        new TasksHandler(
            service,
            new AsyncTasks(service, asyncPool, System.err, Clock.systemUTC()),
            System.err));
    server.start();
    catalog.start();
    watchdog.ifPresent(Watchdog::start);
    return new RunningAgent(
        config, server, List.of(workers, asyncPool), catalog, gateway, state, watchdog);
  }

  private static LlmGateway resilientGateway(AgentConfig config, Optional<Watchdog> watchdog) {
    return new ResilientGateway(
        provider("primary", config.primary(), config),
        config.fallback().map(fallback -> provider("fallback", fallback, config)),
        ResiliencePolicy.defaults(),
        Clock.systemUTC(),
        () -> watchdog.map(Watchdog::primaryDown).orElse(false));
  }

  private static LlmProvider provider(String name, ProviderConfig provider, AgentConfig config) {
    Optional<Duration> timeout =
        config.mode() == AgentMode.RESILIENT ? Optional.of(config.llmTimeout()) : Optional.empty();
    return new LlmProvider(name, provider, timeout);
  }

  private static HttpServer bind(AgentConfig config) {
    try {
      return HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ThreadFactory daemonThreads(String kind) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, "gauntlet-agent-" + kind + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
