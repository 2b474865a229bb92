package dev.gauntlet.agent.internal;

/**
 * Final answers by {@link CacheKey}, so that a task asked before is answered without the LLM.
 * Implementations are thread-safe and shared by all tasks.
 */
public interface ResponseCache {
  /** A cache that is switched off: every lookup says {@link CacheStatus#OFF}, nothing is stored. */
  ResponseCache OFF =
      new ResponseCache() {
        @Override
        public CacheLookup lookup(String key) {
          return CacheLookup.OFF;
        }

        @Override
        public void store(String key, String answer) {
          // switched off: keep nothing
        }
      };

  /** @throws StoreFailedException when the store failed and this cache does not degrade */
  CacheLookup lookup(String key);

  /** @throws StoreFailedException when the store failed and this cache does not degrade */
  void store(String key, String answer);
}
