export * from './approvals/waiting-work';
export * from './calendar/fiscal-year';
export * from './calendar/fiscal-year-input';
export * from './calendar/quiet-hours';
export * from './calendar/thai-holidays';
export * from './calendar/working-days';
export * from './conversation/commands';
export type { InboundEvent } from './conversation/event';
export type { AnyChatFeature, ChatFeature, InstantAnswer } from './conversation/feature';
export type { Flow, FlowStep, Typed } from './conversation/flow';
export * from './conversation/liff-link';
export * from './conversation/postback-codec';
export * from './conversation/reply';
export * from './conversation/start-actions';
export { EMPTY_CONVERSATION, type RegistrationGuard } from './conversation/state';
export { type Conversation, createConversation } from './conversation/step';
export * from './domain/development-methods';
export * from './domain/document-ids';
export * from './domain/organisation';
export * from './features/external-training/external-training-edge';
export * from './features/external-training/external-training-flow';
export * from './features/registry';
export * from './text/graphemes';
export * from './text/thai-date';

// people/ (its own chunk so the lines above stay as they were)

export type * from './archive/archive-api-contract';
// knowledge library, its weekly digest, and the audit archive's trail sections
export * from './archive/audit-trail';
// HR reminder broadcasts to people with pending reports
export * from './broadcast/batches';
export * from './broadcast/broadcast-filter';
export * from './broadcast/broadcast-preview';
export type * from './broadcast/broadcast-status';
export type * from './broadcast/late-api-contract';
export * from './broadcast/reminder-message';
export * from './broadcast/select-recipients';
export * from './budget/broadcast-sending-notes';
// the LINE message budget: priorities, the morning digest, the dashboard's quota card
export type * from './budget/budget-api-contract';
export * from './budget/daily-digest';
export * from './budget/message-budget';
export type { PersonContext } from './conversation/context';
// competencies, surveys (training needs, satisfaction, 5ส)
export * from './domain/competencies';
export * from './domain/municipality-file';
export * from './domain/municipality-overview';
export * from './domain/municipality-settings';
export type * from './ethics/ethics-api-contract';
export * from './ethics/ethics-quiz';
export * from './ethics/ethics-recipients';
export * from './ethics/ethics-training';
export * from './ethics/fairness-result';
export * from './ethics/question-import';
export * from './ethics/quiz-bank';
export * from './ethics/quiz-sample';
export * from './ethics/quiz-scoring';
export * from './ethics/seeded-random';
// assessment evidence: the monthly policy meetings (standards 1.13) and the packs assessors download
export * from './evidence/evidence-pack';
export * from './evidence/policy-meetings';
export type * from './features/data-request/data-request-edge';
export * from './features/data-request/data-request-flow';
export type * from './features/ethics-quiz/ethics-quiz-edge';
export * from './features/ethics-quiz/ethics-quiz-flow';
export type * from './features/hr-broadcast/hr-broadcast-edge';
export * from './features/hr-broadcast/hr-broadcast-flow';
export type * from './features/library-digest/library-digest-edge';
export type * from './features/link-account/link-account-edge';
export * from './features/link-account/link-account-flow';
// trainings, post-training reports and the hours ledger
export * from './features/report-review/report-review-flow';
export * from './features/request-review/request-review-flow';
export type * from './features/survey-answer/survey-answer-edge';
export * from './features/survey-answer/survey-answer-flow';
export * from './features/training-report/training-report-flow';
export * from './features/training-request/training-request-flow';
export type * from './features/waiting-list/waiting-list-edge';
// individual development plans (IDP), hours summaries, the decision effects chat and LIFF share
export * from './idp/idp-api-contract';
export * from './idp/idp-input';
export * from './idp/idp-notices';
export * from './idp/idp-plan';
// the HR/executive dashboard: maintained stats, the plan's indicators and their exports
export * from './kpi/dashboard-export';
export * from './kpi/fy-stats';
export * from './kpi/indicators';
export * from './kpi/region-totals';
export * from './kpi/stats-delta';
export * from './ledger/hours-ledger';
export * from './ledger/hours-summary';
export type * from './library/library-api-contract';
export * from './library/library-digest';
export * from './library/library-entry';
export * from './library/library-search';
export * from './people/approval-chain';
export * from './people/csv';
export * from './people/employee-import';
export * from './people/employee-import-template';
export * from './people/invite-api-contract';
export * from './people/invite-code';
export * from './people/line-reach';
export type * from './people/notify-employee';
export * from './people/polite-name';
export * from './people/privacy-notice';
export * from './reports/photo-refusal';
export * from './reports/reminder-plan';
export * from './reports/report-answers-input';
export * from './reports/report-api-contract';
export type * from './reports/report-edge';
export * from './reports/report-questions';
export * from './reports/review-decision';
export * from './reports/training-report';
export * from './requests/advance-clearing';
export type * from './requests/request-api-contract';
export * from './requests/request-decision';
export * from './requests/request-edge';
export * from './requests/request-input';
export * from './requests/request-trail';
export * from './requests/training-request';
export * from './surveys/answer-input';
export * from './surveys/question-count';
export * from './surveys/survey';
export type * from './surveys/survey-api-contract';
// survey results, export and yearly copy (HR)
export * from './surveys/survey-copy';
export * from './surveys/survey-export';
export * from './surveys/survey-navigation';
export * from './surveys/survey-results';
export * from './surveys/survey-templates';
export * from './surveys/survey-validation';
export type * from './targets/target-api-contract';
// yearly targets and their rules ("≥ X% or not below last year"), the ethics strategy's indicators
export * from './targets/target-history';
export * from './targets/target-indicators';
export * from './targets/target-rule';
export * from './trainings/training';
export * from './trainings/training-input';
