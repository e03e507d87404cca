export * from './calendar/working-days';
export * from './conversation/commands';
export type { Effect } from './conversation/effect';
export type { InboundEvent } from './conversation/event';
export type { Flow, FlowStep } from './conversation/flow';
export * from './conversation/postback-codec';
export * from './conversation/reply';
export * from './conversation/state';
export * from './conversation/step';
export * from './domain/development-methods';
export * from './domain/organisation';
export * from './flows/external-training';
export * from './text/graphemes';
export * from './text/thai-date';

// people/ (its own chunk so the lines above stay as they were)

export type { EmployeeFact, Facts, Lookup, PersonContext, TurnContext } from './conversation/context';
export * from './flows/data-request';
export * from './flows/link-account';
export * from './people/approval-chain';
export * from './people/csv';
export * from './people/employee-import';
export * from './people/invite-code';
export * from './people/privacy-notice';
