import { fiscalYearOf } from '../calendar/fiscal-year';
import { formatThaiDate, type IsoDate } from '../text/thai-date';
import type { SurveyDefinition } from './survey';

// Most surveys repeat every year with the same questions: HR copies last year's and gives it new dates.
// The copy is a draft of the fiscal year it opens in, remembers where it came from, and carries none of
// the original's answers or counters (those live beside the definition, not in it).

export interface CopyOptions {
  /** the new survey's id (the edge makes it) */
  readonly id: string;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  /** defaults to the fiscal year `opensOn` falls in */
  readonly fiscalYear?: number;
  /** a 5ส day's new date and area; by default the old area on the opening day */
  readonly activity?: { readonly date: IsoDate; readonly area: string };
}

export function copySurvey(source: SurveyDefinition, o: CopyOptions): SurveyDefinition {
  const fiscalYear = o.fiscalYear ?? fiscalYearOf(o.opensOn);
  const { activity: oldActivity, copiedFrom: _older, ...rest } = source;
  const activity = o.activity ?? (oldActivity ? { date: o.opensOn, area: oldActivity.area } : undefined);
  // "… ปีงบประมาณ 2569" becomes "… ปีงบประมาณ 2570"; a 5ส day's date and area follow the new activity
  const retext = (text: string): string => {
    const year = (part: string) => part.replaceAll(String(source.fiscalYear), String(fiscalYear));
    if (!(oldActivity && activity)) return year(text);
    // the old day's date is replaced whole (its BE year is not the fiscal year to bump)
    return text
      .split(formatThaiDate(oldActivity.date))
      .map((part) => (oldActivity.area ? year(part).replaceAll(oldActivity.area, activity.area) : year(part)))
      .join(formatThaiDate(activity.date));
  };
  return {
    ...rest,
    id: o.id,
    title: retext(source.title),
    ...(source.description ? { description: retext(source.description) } : {}),
    fiscalYear,
    opensOn: o.opensOn,
    closesOn: o.closesOn,
    status: 'draft',
    ...(activity ? { activity } : {}),
    copiedFrom: source.id,
  };
}
