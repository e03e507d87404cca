// Work on many items with at most `size` in flight: the morning job's transactions and LINE calls go
// side by side (one at a time is a few thousand per 540 s run), never thousands at once (Firestore
// contention, LINE's rate limits, the instance's sockets).

/** Runs `run` on every item, at most `size` at a time; the first failure rejects after all settle. */
export async function inPool<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  await mapPool(items, size, run);
}

/** As inPool, with the results in the items' order. */
export async function mapPool<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  return out;
}
