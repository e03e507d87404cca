/** LINE accepts at most this many user ids in one multicast. */
export const MULTICAST_MAX = 500;

/** Splits recipients into multicast batches of at most `size`, keeping their order. */
export function toBatches<T>(items: readonly T[], size: number = MULTICAST_MAX): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > MULTICAST_MAX)
    throw new RangeError(`batch size must be 1–${MULTICAST_MAX}, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
