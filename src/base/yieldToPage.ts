/**
 * Lets the page handle input and paint between chunks of a long loop on the
 * main thread: `scheduler.yield()` where the browser has it (resumes ahead of
 * other tasks), else a macrotask (setTimeout 0, in Node too).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
