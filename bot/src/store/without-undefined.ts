/**
 * Firestore refuses undefined values, and domain objects legitimately have optional fields that are
 * undefined (an unanswered draft question, an optional reply field). Plain JSON data only.
 */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
