import type { DocumentReference } from 'firebase-admin/firestore';

/** Where a municipality's documents live; named once, handed to the adapters. */
export function municipalityCollections(municipality: DocumentReference) {
  return {
    municipality,
    employees: municipality.collection('employees'),
    invites: municipality.collection('invites'),
    dataRequests: municipality.collection('dataRequests'),
    trainings: municipality.collection('trainings'),
    reports: municipality.collection('reports'),
    hoursLedger: municipality.collection('hoursLedger'),
    hoursTotals: municipality.collection('hoursTotals'),
    holidays: municipality.collection('holidays'),
    /** HR's holiday edits with the record before each, for undo */
    holidayEdits: municipality.collection('holidayEdits'),
    notifications: municipality.collection('notifications'),
    broadcasts: municipality.collection('broadcasts'),
    // dayone (quiet hours): notices to other people that came up at night, released at 08:00
    heldNotices: municipality.collection('heldNotices'),
    /** survey definitions; each keeps its answers in a `responses` subcollection */
    surveys: municipality.collection('surveys'),
    /** one in-progress draft per (survey, person), keyed by surveyPersonKey; deleted on submission */
    surveyDrafts: municipality.collection('surveyDrafts'),
    /** who has answered which survey, keyed by surveyPersonKey; never holds answers */
    surveyCompletions: municipality.collection('surveyCompletions'),
    /** individual development plans (IDP), one per (employee, fiscal year) */
    idps: municipality.collection('idps'),
    /** maintained aggregates for the dashboards, e.g. `fy2570`, written with the records they count */
    stats: municipality.collection('stats'),
    /** per fiscal year (`fy2570`): the indicators' target rules, frozen results and their audit trail */
    targets: municipality.collection('targets'),
    // ── ethics quiz (issue #17) ──
    /** HR's question bank; a retired question is kept, never drawn again */
    ethicsQuestions: municipality.collection('ethicsQuestions'),
    /** per fiscal year (`fy2570`): the quiz with its current draw; `draws` (audit trail) and `attempts` below */
    ethicsQuizzes: municipality.collection('ethicsQuizzes'),
    /** monthly policy meetings HR records for the standards' item 1.13 */
    policyMeetings: municipality.collection('policyMeetings'),
    // knowledge library (issue 16): one entry per approved report, keyed by the report's id, and one
    // read receipt per (entry, colleague) so "read" counts each person once
    library: municipality.collection('library'),
    libraryReads: municipality.collection('libraryReads'),
    // training requests (issue #16): one per request, its whole trail on the document
    trainingRequests: municipality.collection('trainingRequests'),
  };
}

export type MunicipalityCollections = ReturnType<typeof municipalityCollections>;
