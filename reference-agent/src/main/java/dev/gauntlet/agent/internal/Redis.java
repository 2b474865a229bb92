package dev.gauntlet.agent.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Redis server behind one pooled Jedis client. A call that Jedis fails becomes a
 * {@link StoreFailedException} naming the server, never its password. Nothing connects until the
 * first call, so an agent starts whether Redis is up or not. Thread-safe.
 */
public final class Redis implements AutoCloseable {
  /** Connections a bounded (resilient) client keeps at most. */
  static final int POOL_SIZE = 32;

  private static final int DEFAULT_PORT = 6379;

  private final RedisClient client;
  private final String where;

  private Redis(RedisClient client, String where) {
    this.client = client;
    this.where = where;
  }

  /**
   * @param url     {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for TLS
   * @param timeout connect and read timeout, also the longest wait for a pooled connection;
   *                empty keeps every Jedis default
   */
  public static Redis connect(URI url, Optional<Duration> timeout) {
    HostAndPort server =
        new HostAndPort(url.getHost(), url.getPort() == -1 ? DEFAULT_PORT : url.getPort());
    RedisClient client =
        RedisClient.builder()
            .hostAndPort(server)
            .clientConfig(clientConfig(url, timeout))
            .poolConfig(poolConfig(timeout))
            .build();
    return new Redis(client, server.toString());
  }

  /** Runs one command, or a transaction, on a pooled connection. */
  public <T> T call(Function<UnifiedJedis, T> command) {
    try {
      return command.apply(client);
    } catch (JedisException e) {
      throw new StoreFailedException("redis at " + where + " failed: " + describe(e), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static DefaultJedisClientConfig clientConfig(URI url, Optional<Duration> timeout) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder().ssl("rediss".equals(url.getScheme()));
    String userInfo = url.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      config
          .user(user.isEmpty() ? null : user)
          .password(colon < 0 ? null : userInfo.substring(colon + 1));
    }
    String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
    if (!path.isEmpty()) {
      config.database(Integer.parseInt(path));
    }
    timeout.ifPresent(
        limit ->
            config
                .connectionTimeoutMillis((int) limit.toMillis())
                .socketTimeoutMillis((int) limit.toMillis()));
    return config.build();
  }

  private static ConnectionPoolConfig poolConfig(Optional<Duration> timeout) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    timeout.ifPresent(
        limit -> {
          pool.setMaxTotal(POOL_SIZE);
          pool.setMaxIdle(POOL_SIZE);
          pool.setMaxWait(limit);
        });
    return pool;
  }

  private static String describe(JedisException error) {
    Throwable cause =
        error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
