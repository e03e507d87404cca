import type { IsoDate } from '../../text/thai-date';

/** a PDPA request, logged with the date by which it must be answered */
export interface DataRequestEffect {
  readonly type: 'dataRequestLogged';
  readonly kind: 'access' | 'deletion';
  readonly dueBy: IsoDate;
}
