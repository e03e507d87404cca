import type { LibraryEntry } from './library-entry';

// Searching the library: free text over the topic and what was learned, and filters by competency,
// division and fiscal year. Pure, so the API and its tests agree on what matches.

export interface LibrarySearch {
  readonly q?: string;
  readonly competency?: string;
  readonly divisionId?: string;
  readonly fiscalYear?: number;
}

/** An entry with what the reader needs beside it (the course's competency from HR's catalogue). */
export type LibraryListed = LibraryEntry & { readonly competency?: string };

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export function matchesSearch(e: LibraryListed, s: LibrarySearch): boolean {
  if (s.fiscalYear !== undefined && e.fiscalYear !== s.fiscalYear) return false;
  if (s.divisionId && e.divisionId !== s.divisionId) return false;
  if (s.competency && e.competency !== s.competency) return false;
  const q = fold(s.q ?? '');
  if (!q) return true;
  const hay = fold([e.trainingTitle, e.learned, e.application, e.employeeName, e.competency ?? ''].join(' '));
  return q.split(' ').every((word) => hay.includes(word));
}

/** Newest approval first. */
export const byNewest = (a: LibraryEntry, b: LibraryEntry) =>
  b.approvedAt.localeCompare(a.approvedAt) || a.id.localeCompare(b.id);
