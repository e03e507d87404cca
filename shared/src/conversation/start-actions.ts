import type { PersonContext } from './context';
import { type Action, say } from './reply';

// Buttons that start a flow: from a menu, a reminder, or the end of another flow. Kept apart from
// step.ts so that flows can offer them without importing the router that imports them.

/** Postback that starts a flow from a menu, rich menu or reminder button. */
export const START_FLOW = 'flow.start';

export const startFlowAction = (
  /** the feature's flow id */
  flow: string,
  label: string,
  extra: Readonly<Record<string, string>> = {},
  displayText = label,
): Action => ({ type: 'postback', label, data: { a: START_FLOW, f: flow, ...extra }, displayText });

/** Starts (or continues) filing one report: reminders, the list of open reports, a returned report. */
export const fileReportAction = (reportId: string, label = 'เขียนรายงาน'): Action =>
  startFlowAction('trainingReport', label, { r: reportId });

/** Starts (or resumes) answering one survey: invitations, reminders, the list of open surveys. */
export const answerSurveyAction = (surveyId: string, label = 'ตอบแบบสำรวจ'): Action =>
  startFlowAction('surveyAnswer', label, { s: surveyId });

/** What a person can do from anywhere; someone not registered yet is offered registration. */
export const mainActions = (ctx?: { readonly person?: PersonContext }): Action[] =>
  ctx && !ctx.person
    ? [startFlowAction('linkAccount', 'ลงทะเบียน'), say('เมนู')]
    : [
        startFlowAction('trainingReport', 'รายงานผลการอบรม'),
        startFlowAction('externalTraining', 'แจ้งอบรมภายนอก'),
        startFlowAction('surveyAnswer', 'แบบสำรวจ'),
        say('เมนู'),
      ];
