import type { IsoDate } from '../text/thai-date';

/**
 * A day Thai government offices are closed. `public`: วันหยุดราชการประจำปี; `substitution`: วันหยุดชดเชย
 * (the next working day after a holiday on a weekend); `special`: วันหยุดราชการเพิ่มเป็นกรณีพิเศษ (มติ ครม.).
 */
export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: 'public' | 'substitution' | 'special';
}

/** The years this data set covers; outside it the product only knows the holidays HR enters. */
export const THAI_GOVERNMENT_HOLIDAYS_RANGE = { first: '2024-01-01', last: '2027-12-31' } as const;

const NEW_YEAR = 'วันขึ้นปีใหม่';
const MAKHA = 'วันมาฆบูชา';
const CHAKRI = 'วันจักรี';
const SONGKRAN = 'วันสงกรานต์';
const CORONATION = 'วันฉัตรมงคล';
const PLOUGHING = 'วันพระราชพิธีพืชมงคลจรดพระนังคัลแรกนาขวัญ';
const VISAKHA = 'วันวิสาขบูชา';
const QUEEN = 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี';
const ASALHA = 'วันอาสาฬหบูชา';
const LENT = 'วันเข้าพรรษา';
const KING = 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว';
const MOTHER_QUEEN_MOTHER = 'วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ';
// The Queen Mother died on 24 Oct 2025; 12 August stays a holiday in the 2569 calendars we found, but we
// found no new official title for it, so only the part that certainly remains is used.
const MOTHER = 'วันแม่แห่งชาติ';
const RAMA_IX_MEMORIAL = 'วันนวมินทรมหาราช';
const CHULALONGKORN = 'วันปิยมหาราช';
const FATHER = 'วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ 9 วันชาติ และวันพ่อแห่งชาติ';
const CONSTITUTION = 'วันรัฐธรรมนูญ';
const NEW_YEARS_EVE = 'วันสิ้นปี';
const SPECIAL = 'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ';

const pub = (date: IsoDate, name: string): Holiday => ({ date, name, kind: 'public' });
const sub = (date: IsoDate, of: string): Holiday => ({ date, name: `ชดเชย${of}`, kind: 'substitution' });
const special = (date: IsoDate): Holiday => ({ date, name: SPECIAL, kind: 'special' });

/**
 * Thai government (civil-service) holidays, sorted by date. Weekend holidays are listed on their own
 * date too, so a calendar built from these dates needs no rule of its own. 1 May (วันแรงงาน) is left out:
 * it is a holiday for private employers and banks, not for government offices.
 * HR can still add or remove days in the product (e.g. a municipality's local holiday).
 */
export const THAI_GOVERNMENT_HOLIDAYS: readonly Holiday[] = Object.freeze([
  // 2567 — cabinet overview of 24 Oct 2023 (20 days), special 12 Apr (มติ ครม. 13 Feb 2024) and 30 Dec
  // (มติ ครม. 24 Oct 2023); cross-checked with news lists and the python-holidays TH data.
  // 2 Jan 2024 is NOT a holiday: the cabinet moved that New Year's Eve substitution to 29 Dec 2023.
  pub('2024-01-01', NEW_YEAR),
  pub('2024-02-24', MAKHA),
  sub('2024-02-26', MAKHA),
  pub('2024-04-06', CHAKRI),
  sub('2024-04-08', CHAKRI),
  special('2024-04-12'),
  pub('2024-04-13', SONGKRAN),
  pub('2024-04-14', SONGKRAN),
  pub('2024-04-15', SONGKRAN),
  sub('2024-04-16', SONGKRAN),
  pub('2024-05-04', CORONATION),
  sub('2024-05-06', CORONATION),
  pub('2024-05-10', PLOUGHING),
  pub('2024-05-22', VISAKHA),
  pub('2024-06-03', QUEEN),
  pub('2024-07-20', ASALHA),
  pub('2024-07-21', LENT),
  // One substitution for the Saturday–Sunday pair, as announced.
  sub('2024-07-22', ASALHA),
  pub('2024-07-28', KING),
  sub('2024-07-29', KING),
  pub('2024-08-12', MOTHER_QUEEN_MOTHER),
  pub('2024-10-13', RAMA_IX_MEMORIAL),
  sub('2024-10-14', RAMA_IX_MEMORIAL),
  pub('2024-10-23', CHULALONGKORN),
  pub('2024-12-05', FATHER),
  pub('2024-12-10', CONSTITUTION),
  special('2024-12-30'),
  pub('2024-12-31', NEW_YEARS_EVE),

  // 2568 — annual list as published (news lists of the cabinet's overview), special 2 Jun and 11 Aug
  // (มติ ครม. 12 Nov 2024); วันพืชมงคล 9 May per the Royal Household's date as reported.
  pub('2025-01-01', NEW_YEAR),
  pub('2025-02-12', MAKHA),
  pub('2025-04-06', CHAKRI),
  sub('2025-04-07', CHAKRI),
  pub('2025-04-13', SONGKRAN),
  pub('2025-04-14', SONGKRAN),
  pub('2025-04-15', SONGKRAN),
  sub('2025-04-16', SONGKRAN),
  pub('2025-05-04', CORONATION),
  sub('2025-05-05', CORONATION),
  pub('2025-05-09', PLOUGHING),
  pub('2025-05-11', VISAKHA),
  sub('2025-05-12', VISAKHA),
  special('2025-06-02'),
  pub('2025-06-03', QUEEN),
  pub('2025-07-10', ASALHA),
  pub('2025-07-11', LENT),
  pub('2025-07-28', KING),
  special('2025-08-11'),
  pub('2025-08-12', MOTHER_QUEEN_MOTHER),
  pub('2025-10-13', RAMA_IX_MEMORIAL),
  pub('2025-10-23', CHULALONGKORN),
  pub('2025-12-05', FATHER),
  pub('2025-12-10', CONSTITUTION),
  pub('2025-12-31', NEW_YEARS_EVE),

  // 2569 — calendars published Dec 2025 (2569 is an อธิกมาส year: มาฆบูชา is the full moon of month 4);
  // special 2 Jan (มติ ครม. 12 Nov 2024, confirmed by สลค. Nov 2025). The extra days proposed for 2 Jun and
  // 31 Jul 2569 were withdrawn by the cabinet on 2 Dec 2025 and are not holidays.
  // Not yet known when written: any holiday for the Queen Mother's royal cremation.
  pub('2026-01-01', NEW_YEAR),
  special('2026-01-02'),
  pub('2026-03-03', MAKHA),
  pub('2026-04-06', CHAKRI),
  pub('2026-04-13', SONGKRAN),
  pub('2026-04-14', SONGKRAN),
  pub('2026-04-15', SONGKRAN),
  pub('2026-05-04', CORONATION),
  // UNVERIFIED: only a secondary compilation gives 13 May; no Royal Household notice was found.
  pub('2026-05-13', PLOUGHING),
  pub('2026-05-31', VISAKHA),
  sub('2026-06-01', VISAKHA),
  pub('2026-06-03', QUEEN),
  pub('2026-07-28', KING),
  pub('2026-07-29', ASALHA),
  pub('2026-07-30', LENT),
  pub('2026-08-12', MOTHER),
  pub('2026-10-13', RAMA_IX_MEMORIAL),
  pub('2026-10-23', CHULALONGKORN),
  pub('2026-12-05', FATHER),
  sub('2026-12-07', FATHER),
  pub('2026-12-10', CONSTITUTION),
  pub('2026-12-31', NEW_YEARS_EVE),

  // 2570 — PROVISIONAL: no annual announcement was found. Lunar days are computed from the Thai lunar
  // calendar (python-holidays; มาฆบูชา 21 Feb also per publicholidays.asia), substitutions follow the standing
  // rule (weekend holiday → next working day). วันพืชมงคล and any special days are unknown and left out.
  pub('2027-01-01', NEW_YEAR),
  pub('2027-02-21', MAKHA),
  sub('2027-02-22', MAKHA),
  pub('2027-04-06', CHAKRI),
  pub('2027-04-13', SONGKRAN),
  pub('2027-04-14', SONGKRAN),
  pub('2027-04-15', SONGKRAN),
  pub('2027-05-04', CORONATION),
  pub('2027-05-20', VISAKHA),
  pub('2027-06-03', QUEEN),
  pub('2027-07-18', ASALHA),
  pub('2027-07-19', LENT),
  // Monday is already วันเข้าพรรษา, so the Sunday's substitution lands on Tuesday.
  sub('2027-07-20', ASALHA),
  pub('2027-07-28', KING),
  pub('2027-08-12', MOTHER),
  pub('2027-10-13', RAMA_IX_MEMORIAL),
  pub('2027-10-23', CHULALONGKORN),
  sub('2027-10-25', CHULALONGKORN),
  pub('2027-12-05', FATHER),
  sub('2027-12-06', FATHER),
  pub('2027-12-10', CONSTITUTION),
  pub('2027-12-31', NEW_YEARS_EVE),
]);

/** Holidays from `from` to `to`, both included. */
export function holidaysInRange(from: IsoDate, to: IsoDate): Holiday[] {
  return THAI_GOVERNMENT_HOLIDAYS.filter((h) => h.date >= from && h.date <= to);
}
