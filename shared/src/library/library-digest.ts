import { liffUrl } from '../conversation/liff-link';
import { type Action, type Reply, say, text } from '../conversation/reply';
import { addDays, bangkokDate, formatThaiDate, type IsoDate } from '../text/thai-date';
import type { LibraryEntry } from './library-entry';

// The weekly digest of the library: each colleague in the same division as a newly published entry's
// author gets ONE message a week listing that week's new entries (never their own), unless they turned it
// off (in chat or in LIFF). Colleagues of other divisions find the entries in the library, not in LINE.

export const DIGEST_OFF_WORD = 'ไม่รับสรุปรายสัปดาห์';
export const DIGEST_ON_WORD = 'รับสรุปรายสัปดาห์';
/** how many entries the message lists by name; the rest are counted */
export const DIGEST_LISTED_MAX = 5;

/** The week a run covers: the seven days up to and including the run's Bangkok date. */
export function digestWeek(now: Date): { readonly from: IsoDate; readonly to: IsoDate } {
  const to = bangkokDate(now);
  return { from: addDays(to, -6), to };
}

/** Entries of the week a person should hear about: published, their division's, not their own. */
export function digestEntriesFor(
  person: { readonly employeeId: string; readonly divisionId?: string },
  entries: readonly LibraryEntry[],
  week: { readonly from: IsoDate; readonly to: IsoDate },
): LibraryEntry[] {
  if (!person.divisionId) return [];
  return entries.filter((e) => {
    const day = bangkokDate(new Date(e.approvedAt));
    return (
      e.visibility === 'published' &&
      e.divisionId === person.divisionId &&
      e.employeeId !== person.employeeId &&
      day >= week.from &&
      day <= week.to
    );
  });
}

/** The once-only key of a person's digest of a week (one message per person per week). */
export const digestKey = (weekTo: IsoDate, employeeId: string) => `libraryDigest:${weekTo}:${employeeId}`;

export function libraryDigestReplies(entries: readonly LibraryEntry[], liffId?: string): Reply[] {
  const listed = entries.slice(0, DIGEST_LISTED_MAX);
  const more = entries.length - listed.length;
  const lines = [
    `📚 สรุปคลังความรู้ประจำสัปดาห์: เพื่อนร่วมกองของท่านแบ่งปันความรู้ใหม่ ${entries.length} เรื่อง`,
    ...listed.map((e) => `• "${e.trainingTitle}" โดย ${e.employeeName} (อบรม ${formatThaiDate(e.endDate)})`),
    ...(more > 0 ? [`และอีก ${more} เรื่อง`] : []),
    'อ่านได้ในคลังความรู้',
  ];
  const actions: Action[] = [
    ...(liffId ? [{ type: 'uri', label: 'เปิดคลังความรู้', uri: liffUrl(liffId, '/library') } as const] : []),
    say(DIGEST_OFF_WORD),
  ];
  return [text(lines.join('\n'), actions)];
}
