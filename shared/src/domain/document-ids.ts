// The one set of id patterns for everything that names a Firestore document: chat lookups, postback
// payloads, API route params and bodies, import rows and the LIFF token's `sub`. An id that fails its
// pattern is answered in Thai as "not found" or "invalid" before it reaches Firestore, which would
// otherwise throw (and the webhook or API would answer 500, again on every redelivery).

/** Firestore's own rule: not "." or "..", not `__…__`, no "/", at most 1,500 bytes of UTF-8. */
export function isFirestoreDocId(id: unknown): id is string {
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    isWellFormed(id) &&
    id !== '.' &&
    id !== '..' &&
    !/^__.*__$/s.test(id) &&
    !id.includes('/') &&
    utf8Bytes(id) <= 1500
  );
}

const matches =
  (pattern: RegExp) =>
  (id: unknown): id is string =>
    typeof id === 'string' && pattern.test(id) && isFirestoreDocId(id);

/**
 * Employee codes as the staff list keys records (the import's canonical form, upper-case): letters,
 * digits, Thai, `. _ -`, 1–40 characters. Lower case is accepted for ids the API is sent.
 */
export const EMPLOYEE_ID_PATTERN = /^[0-9A-Za-z\u0E00-\u0E7F._-]{1,40}$/;
export const isEmployeeId = matches(EMPLOYEE_ID_PATTERN);

/** Report ids (`<employee>_<training>` and older forms): any valid document id up to 400 characters. */
export const REPORT_ID_PATTERN = /^[^/]{1,400}$/;
export const isReportId = matches(REPORT_ID_PATTERN);

/** Ids Firestore generates (`.add()` / `.doc()`), as trainings, broadcasts and imports are named. */
export const AUTO_ID_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;
export const isAutoId = matches(AUTO_ID_PATTERN);

/** Survey, question and choice ids: short and plain, because they travel in signed postback data. */
export const SURVEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const isSurveyId = matches(SURVEY_ID_PATTERN);

/** Training request ids (`<employee>__<time sent>`): they travel in signed approval buttons. */
export const REQUEST_ID_PATTERN = /^[0-9A-Za-z\u0E00-\u0E7F._-]{1,80}$/;
export const isRequestId = matches(REQUEST_ID_PATTERN);

/** LINE user ids as LINE documents them: "U" and 32 hexadecimal digits. */
export const LINE_USER_ID_PATTERN = /^U[0-9a-f]{32}$/;
export const isLineUserId = (id: unknown): id is string =>
  typeof id === 'string' && LINE_USER_ID_PATTERN.test(id);

/** LINE message ids (an image to fetch): digits only. */
export const isLineMessageId = (id: unknown): id is string => typeof id === 'string' && /^\d{1,32}$/.test(id);

/**
 * A string that is valid Unicode: no lone surrogate (JSON may carry "\ud800", UTF-8 cannot), which
 * Firestore refuses in an id or a stored value.
 */
export function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
