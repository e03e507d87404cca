/**
 * Items that may share a round trip (delivered marks in one commit, routing reads in one getAll): the
 * first goes at once; items arriving while a round trip is on its way wait for it and go together in
 * the next, at most `max` at a time. Alone, an item costs one round trip as before; under load, many
 * share one. `flush` settles each item of its group (each caller keeps its own promise).
 */
export function groupWhileInFlight<T>(max: number, flush: (group: T[]) => Promise<void>): (item: T) => void {
  let waiting: T[] = [];
  let inFlight = false;

  async function drain(): Promise<void> {
    inFlight = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.slice(0, max);
        waiting = waiting.slice(max);
        await flush(group);
      }
    } finally {
      inFlight = false;
    }
  }

  return (item) => {
    waiting.push(item);
    if (!inFlight) void drain();
  };
}
