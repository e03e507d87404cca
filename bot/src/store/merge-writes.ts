import { type DocumentData, FieldPath, FieldValue, Timestamp } from 'firebase-admin/firestore';

/** One field a merge writes: its path (segments, never split on dots) and value. */
export type FieldWrite = readonly [path: readonly string[], value: unknown];

/**
 * The field writes of `set(data, { merge: true })`, so the same change can go through `update()`,
 * which takes a precondition: nested maps merge, any other value (arrays too) replaces, an empty map
 * replaces with an empty map. Mirrors the Admin SDK's own document mask for merges.
 */
export function mergeWrites(data: DocumentData): FieldWrite[] {
  const out: FieldWrite[] = [];
  const walk = (obj: DocumentData, prefix: readonly string[]) => {
    for (const [key, value] of Object.entries(obj)) {
      const path = [...prefix, key];
      if (isPlainObject(value) && Object.keys(value).length > 0) walk(value, path);
      else out.push([path, value]);
    }
  };
  walk(data, []);
  return out;
}

/**
 * The field writes of `set(data, { mergeFields: Object.keys(data) })`: each top-level field replaced
 * whole, the document's other fields kept. A turn's conversation state is what `step` returned, not a
 * merge of it into the stored one: a field the flow dropped (an end date a new start date voided) is
 * gone from the store too, as it is from memory. One field path per field, not one per leaf, which is
 * also less for Firestore to validate and encode at every turn.
 */
export function replaceFields(data: DocumentData): FieldWrite[] {
  return Object.entries(data).map(([key, value]): FieldWrite => [[key], value]);
}

/** `update()`'s varargs form: field, value, field, value, … */
export function updateArgs(writes: readonly FieldWrite[]): [FieldPath, unknown, ...unknown[]] {
  const args = writes.flatMap(([path, value]) => [new FieldPath(...path), value]);
  if (args.length === 0) throw new Error('an update needs at least one field');
  return args as [FieldPath, unknown, ...unknown[]];
}

/**
 * The document as Firestore stores it after `writes`, without reading it back; undefined when a
 * value is a server-side transform or delete (not known here). `doc` is not changed.
 */
export function applyWrites(doc: DocumentData, writes: readonly FieldWrite[]): DocumentData | undefined {
  const root: DocumentData = { ...doc };
  for (const [path, value] of writes) {
    if (containsFieldValue(value)) return undefined;
    let node = root;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      const copy: DocumentData = isPlainObject(next) ? { ...next } : {};
      node[key] = copy;
      node = copy;
    }
    node[path[path.length - 1] as string] = stored(value);
  }
  return root;
}

function isPlainObject(v: unknown): v is DocumentData {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function containsFieldValue(v: unknown): boolean {
  if (v instanceof FieldValue) return true;
  if (Array.isArray(v)) return v.some(containsFieldValue);
  return isPlainObject(v) && Object.values(v).some(containsFieldValue);
}

/** A copy as a read would return it: Dates come back as Timestamps; nothing shared with the caller. */
function stored(v: unknown): unknown {
  if (v instanceof Date) return Timestamp.fromDate(v);
  if (Array.isArray(v)) return v.map(stored);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stored(x)]));
  return v;
}
