import type { BroadcastFilter } from '../../shared/src/broadcast/broadcast-filter';
import type { BroadcastView, LateList } from '../../shared/src/broadcast/late-api-contract';
import type { RosterPerson } from '../../shared/src/people/invite-api-contract';
import type { ApiClient } from './api-client';
import { ApiRefusal, apiSend, json } from './api-send';

// HR's APIs (bot/src/api/late-routes.ts at /late, trainings-, staff-import-, holiday- and settings-routes.ts at /manage/...) as the LIFF pages see
// them. Shared shapes are imported type-only: nothing of shared/ lands in the bundle.

export type { BroadcastFilter } from '../../shared/src/broadcast/broadcast-filter';
export type { BroadcastView, LateList, LatePerson } from '../../shared/src/broadcast/late-api-contract';

/** A refusal from HR's APIs (and the clients that share them); `message` is safe to show. */
export class HrApiError extends ApiRefusal {
  override readonly name: string = 'HrApiError';
  /** Thai messages by field, for a form's error summary */
  get errors(): Readonly<Record<string, string>> {
    return this.fieldErrors;
  }
}

export const send = <T>(api: ApiClient, path: string, init: RequestInit = {}): Promise<T> =>
  apiSend<T, HrApiError>(api, path, init, HrApiError);

export { json };

// ---- late list and reminders ----

/** One page of the late list; the next one with the page's `nextCursor`. */
export const loadLateList = (api: ApiClient, within: number, cursor?: string | null) =>
  send<LateList>(api, `late?within=${within}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

export const previewBroadcast = (api: ApiClient, filter: BroadcastFilter) =>
  send<BroadcastView>(api, 'late/broadcasts', json('POST', { filter }));

export const confirmBroadcast = (api: ApiClient, id: string) =>
  send<BroadcastView>(api, `late/broadcasts/${encodeURIComponent(id)}/confirm`, json('POST'));

export const cancelBroadcast = (api: ApiClient, id: string) =>
  send<BroadcastView>(api, `late/broadcasts/${encodeURIComponent(id)}/cancel`, json('POST'));

export const loadBroadcast = (api: ApiClient, id: string) =>
  send<BroadcastView>(api, `late/broadcasts/${encodeURIComponent(id)}`);

// ---- trainings ----

export interface Choice {
  readonly id: string;
  readonly name: string;
}

export interface TrainingView {
  readonly id: string;
  readonly title: string;
  readonly organiser: string;
  readonly organiserKind: string | null;
  readonly method: string;
  readonly curriculum: string | null;
  readonly competency: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly attendees: readonly string[];
  readonly reportRequired: boolean;
  readonly reportsOpened: boolean;
  readonly updatedBy: { readonly employeeId: string; readonly name: string } | null;
  readonly updatedAt: string | null;
}

export interface TrainingOptions {
  readonly methods: readonly Choice[];
  readonly curricula: readonly Choice[];
  readonly organiserKinds: readonly Choice[];
}

/** What the form sends; '' for an optional choice left empty. */
export type TrainingBody = Omit<
  TrainingView,
  'id' | 'reportsOpened' | 'updatedBy' | 'updatedAt' | 'organiserKind' | 'curriculum' | 'competency'
> & {
  readonly organiserKind: string;
  readonly curriculum: string;
  readonly competency: string;
};

/** One page of this fiscal year's trainings, latest first; `cursor` is the previous page's nextCursor. */
export const loadTrainings = (api: ApiClient, cursor?: string) =>
  send<{
    fiscalYear: number;
    trainings: TrainingView[];
    nextCursor: string | null;
    options: TrainingOptions;
  }>(api, cursor ? `manage/trainings?cursor=${encodeURIComponent(cursor)}` : 'manage/trainings');

export const saveTraining = (api: ApiClient, id: string | undefined, body: TrainingBody) =>
  send<{ training: TrainingView }>(
    api,
    id ? `manage/trainings/${encodeURIComponent(id)}` : 'manage/trainings',
    json(id ? 'PUT' : 'POST', body),
  );

// ---- staff ----

export interface EmployeeRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly divisionId: string | null;
  readonly active: boolean;
  readonly linked: boolean;
}

export interface EmployeesPage {
  readonly employees: readonly EmployeeRow[];
  readonly divisions: readonly Choice[];
  /** how many the list holds in all (of the division, when one is chosen) */
  readonly total: number;
  readonly nextCursor: string | null;
}

/** One page of the staff list (by staff code), of one division when `division` is given. */
export const loadEmployees = (
  api: ApiClient,
  o: { readonly cursor?: string | null; readonly division?: string; readonly limit?: number } = {},
) => {
  const q = new URLSearchParams();
  if (o.limit) q.set('limit', String(o.limit));
  if (o.division) q.set('division', o.division);
  if (o.cursor) q.set('cursor', o.cursor);
  const query = q.toString();
  return send<EmployeesPage>(api, `manage/employees${query ? `?${query}` : ''}`);
};

/** Every staff record, page after page (the attendee picker chooses from all of them). */
export async function loadAllEmployees(api: ApiClient) {
  const first = await loadEmployees(api, { limit: 200 });
  const employees = [...first.employees];
  for (let cursor = first.nextCursor; cursor; ) {
    const page = await loadEmployees(api, { limit: 200, cursor });
    employees.push(...page.employees);
    cursor = page.nextCursor;
  }
  return { ...first, employees, nextCursor: null };
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly file: { readonly format: 'csv' | 'xlsx'; readonly rows: number };
  /** "แถว" for a workbook, "บรรทัด" for a CSV */
  readonly where: string;
  readonly headerRejected: boolean;
  readonly summary: {
    readonly created: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly failed: number;
  };
  readonly written: number;
  readonly errors: readonly {
    readonly line: number;
    readonly code?: string;
    readonly reasons: readonly string[];
  }[];
}

export const importEmployees = (api: ApiClient, file: File, dryRun: boolean) =>
  send<ImportReport>(
    api,
    `manage/employees/import?filename=${encodeURIComponent(file.name)}${dryRun ? '&dryRun=1' : ''}`,
    { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file },
  );

// ---- holidays ----

export interface HolidayRow {
  readonly date: string;
  readonly name: string;
  readonly kind: string;
  readonly source: string;
}

export const loadHolidays = (api: ApiClient, year: number) =>
  send<{ holidays: HolidayRow[] }>(api, `manage/holidays?year=${year}`);

/** An edit's outcome: how many open reports got a new due date, and the id that undoes it. */
export interface HolidayEdited {
  readonly moved: number;
  readonly editId: string;
}

export const addHoliday = (api: ApiClient, h: { date: string; name: string; kind: string }) =>
  send<HolidayEdited>(api, 'manage/holidays', json('POST', h));

export const removeHoliday = (api: ApiClient, date: string) =>
  send<HolidayEdited>(api, `manage/holidays/${encodeURIComponent(date)}/remove`, json('POST'));

/** What adding or removing `date` would do: how many open reports would get a new due date. */
export const holidayImpact = (api: ApiClient, change: 'add' | 'remove', date: string) =>
  send<{ moved: number; alreadyThatWay: boolean }>(
    api,
    `manage/holidays/impact?change=${change}&date=${encodeURIComponent(date)}`,
  );

export const undoHolidayEdit = (api: ApiClient, editId: string) =>
  send<{ date: string; change: 'add' | 'remove'; moved: number }>(
    api,
    `manage/holidays/undo/${encodeURIComponent(editId)}`,
    json('POST'),
  );

// ---- invite codes and the import template ----

export type { RosterPerson };

export const loadInviteRoster = (api: ApiClient) =>
  send<{ people: RosterPerson[]; divisions: Choice[] }>(api, 'manage/invites');

export type InviteRequest = { employeeId: string } | { divisionId: string } | { unlinked: true };

export const issueInvites = (api: ApiClient, body: InviteRequest) =>
  send<{ issued: RosterPerson[] }>(api, 'manage/invites', json('POST', body));

// ---- settings ----

export interface SettingsBody {
  readonly yearlyHoursTarget: number | string;
  readonly surveyMinGroupSize: number | string;
  readonly approvalChain: {
    readonly stopAtRole?: string;
    readonly stopAtEmployeeId?: string;
    readonly maxSteps?: number | string;
  };
}

export interface SettingsView {
  readonly settings: {
    readonly yearlyHoursTarget: number;
    readonly surveyMinGroupSize: number;
    readonly approvalChain: {
      readonly stopAtRole?: string;
      readonly stopAtEmployeeId?: string;
      readonly maxSteps?: number;
    };
  };
  readonly updatedBy: { readonly employeeId: string; readonly name: string } | null;
  readonly updatedAt: string | null;
  readonly options: { readonly roles: readonly Choice[] };
}

export const loadSettings = (api: ApiClient) => send<SettingsView>(api, 'manage/settings');
export const saveSettings = (api: ApiClient, body: SettingsBody) =>
  send<SettingsView>(api, 'manage/settings', json('PUT', body));
