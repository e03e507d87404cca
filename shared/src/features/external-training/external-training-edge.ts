import type { DevelopmentMethodId } from '../../domain/development-methods';
import type { IsoDate } from '../../text/thai-date';

export interface ExternalTrainingDraft {
  title?: string;
  organiser?: string;
  method?: DevelopmentMethodId;
  startDate?: IsoDate;
  endDate?: IsoDate;
  hours?: number;
}

/** a training reported from chat, stored for HR to verify */
export interface ExternalTrainingEffect {
  readonly type: 'externalTrainingSubmitted';
  readonly training: Required<ExternalTrainingDraft>;
}
