/**
 * A worker made on first use, or null for good once it cannot be made (the
 * caller then computes in its own thread). `make` must call `new Worker(new
 * URL('./x.worker.ts', import.meta.url), …)` itself: the bundler finds workers
 * by that expression. `lost()` forgets a worker that crashed, so the next
 * request goes to the caller's thread too.
 */
export function lazyWorker(make: () => Worker): { get(): Worker | null; lost(): void } {
  let worker: Worker | null = null;
  let failed = false;
  return {
    get() {
      if (failed) return null;
      try {
        return (worker ??= make());
      } catch {
        failed = true;
        return null;
      }
    },
    lost() {
      worker?.terminate();
      worker = null;
      failed = true;
    },
  };
}
