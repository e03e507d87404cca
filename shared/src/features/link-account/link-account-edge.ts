import type { Role } from '../../domain/organisation';
import type { ConsentRecord } from '../../people/privacy-notice';
import type { IsoDate } from '../../text/thai-date';

// What registration asks of the edge: the invite or staff record to check, and what to write.

export type LinkAccountEffect =
  | { readonly type: 'consentRecorded'; readonly consent: ConsentRecord }
  /** link this LINE account to the staff record; the edge re-checks and marks the invite used */
  | { readonly type: 'accountLinked'; readonly employeeId: string; readonly via: 'invite' | 'employeeCode' };

export type LinkAccountLookup =
  | { readonly type: 'invite'; readonly code: string }
  | { readonly type: 'employeeByCode'; readonly code: string; readonly birthDate: IsoDate };

export interface EmployeeFact {
  readonly employeeId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** the staff record is already linked to a different LINE account */
  readonly linkedToAnother: boolean;
}

export interface LinkAccountFacts {
  readonly invite?:
    | { readonly status: 'ok'; readonly employee: EmployeeFact }
    | { readonly status: 'notFound' | 'expired' | 'used' | 'revoked' | 'employeeInactive' };
  readonly employeeByCode?:
    | { readonly status: 'ok'; readonly employee: EmployeeFact }
    /** unknown code and wrong birth date answer the same, so codes cannot be probed */
    | { readonly status: 'noMatch' | 'employeeInactive' }
    /** the same code and birth date in two municipalities of one deployment: only an invite can tell */
    | { readonly status: 'ambiguous' };
}
