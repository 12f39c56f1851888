/**
 * The embedding stream: batches are prepared (read, hashed, decoded) ahead of
 * the one being consumed (embedded), at most `lookahead` ahead, and
 * consumed strictly in order. Memory is bounded by lookahead + 1 batches
 * however many images there are; preparation runs in parallel with
 * consumption (decode workers while the model runs).
 *
 * Contract: `prepare(b)` is called once per batch index 0…count−1, never more
 * than `lookahead` ahead of the batch being consumed; `consume(b, prepared)`
 * is called in order 0, 1, 2, …; `stop()` is checked before each consume and
 * ends the stream (batches already prepared are dropped). A rejected prepare
 * or consume rejects the stream.
 */
export async function streamBatches<T>(opts: {
  count: number;
  lookahead: number;
  prepare(batch: number): Promise<T>;
  consume(batch: number, prepared: T): Promise<void>;
  stop?(): boolean;
}): Promise<{ consumed: number }> {
  const { count, prepare, consume, stop } = opts;
  const lookahead = Math.max(1, Math.floor(opts.lookahead));
  const inFlight: Promise<T>[] = [];
  let next = 0;
  const fill = (consuming: number) => {
    while (next < count && next < consuming + lookahead) {
      const p = prepare(next++);
      p.catch(() => {}); // awaited in order below; never an unhandled rejection meanwhile
      inFlight.push(p);
    }
  };
  for (let b = 0; b < count; b++) {
    fill(b);
    if (stop?.()) return { consumed: b };
    const prepared = await inFlight.shift()!;
    // The next batch starts preparing while this one is consumed.
    fill(b + 1);
    await consume(b, prepared);
  }
  return { consumed: count };
}
