import type { FaultSpec } from './types';

// Injected failures, consumed in order by the requests they match. They are applied before anything
// else happens to a request, so a faulted send delivers nothing and consumes no reply token or retry key.

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

export class FaultQueue {
  #faults: ActiveFault[] = [];

  add(f: FaultSpec): void {
    if (f.status === undefined && f.delayMs === undefined)
      throw new Error('a fault needs a status or a delayMs');
    this.#faults.push({ ...f, remaining: f.count ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  /** The fault for this request, if any, counting it as used. */
  take(method: string, path: string): FaultSpec | undefined {
    const i = this.#faults.findIndex(
      (f) => pathMatches(f.path, path) && (!f.method || f.method.toUpperCase() === method.toUpperCase()),
    );
    const f = this.#faults[i];
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) this.#faults.splice(i, 1);
    return f;
  }
}
