export * from './calendar/fiscal-year';
export * from './calendar/thai-holidays';
export * from './calendar/working-days';
export * from './conversation/commands';
export type { Effect } from './conversation/effect';
export type { InboundEvent } from './conversation/event';
export type { Flow, FlowStep } from './conversation/flow';
export * from './conversation/liff-link';
export * from './conversation/postback-codec';
export * from './conversation/reply';
export * from './conversation/start-actions';
export * from './conversation/state';
export * from './conversation/step';
export * from './domain/development-methods';
export * from './domain/organisation';
export * from './flows/external-training';
export * from './text/graphemes';
export * from './text/thai-date';

// people/ (its own chunk so the lines above stay as they were)

// HR reminder broadcasts to people with pending reports
export * from './broadcast/batches';
export * from './broadcast/broadcast-filter';
export * from './broadcast/broadcast-preview';
export type * from './broadcast/broadcast-status';
export type * from './broadcast/late-api-contract';
export * from './broadcast/reminder-message';
export * from './broadcast/select-recipients';
export type { EmployeeFact, Facts, Lookup, PersonContext, TurnContext } from './conversation/context';
// competencies, surveys (training needs, satisfaction, 5ส)
export * from './domain/competencies';
export * from './domain/municipality-settings';
export * from './flows/data-request';
export * from './flows/hr-broadcast';
export * from './flows/link-account';
// trainings, post-training reports and the hours ledger
export * from './flows/report-review';
export * from './flows/survey-answer';
export * from './flows/training-report';
// individual development plans (IDP), hours summaries, the decision effects chat and LIFF share
export * from './idp/idp-api-contract';
export * from './idp/idp-input';
export * from './idp/idp-notices';
export * from './idp/idp-plan';
// the HR/executive dashboard: maintained stats, the plan's indicators and their exports
export * from './kpi/dashboard-export';
export * from './kpi/fy-stats';
export * from './kpi/indicators';
export * from './kpi/stats-delta';
export * from './ledger/hours-ledger';
export * from './ledger/hours-summary';
export * from './people/approval-chain';
export * from './people/csv';
export * from './people/employee-import';
export * from './people/invite-code';
export * from './people/line-reach';
export * from './people/privacy-notice';
export * from './reports/reminder-plan';
export * from './reports/report-api-contract';
export * from './reports/review-decision';
export * from './reports/training-report';
export * from './surveys/answer-input';
export * from './surveys/survey';
export type * from './surveys/survey-api-contract';
// survey results, export and yearly copy (HR)
export * from './surveys/survey-copy';
export * from './surveys/survey-export';
export * from './surveys/survey-navigation';
export * from './surveys/survey-results';
export * from './surveys/survey-templates';
export * from './surveys/survey-validation';
export * from './trainings/training';
export * from './trainings/training-input';
