// Figures on the LIFF pages: Thai digits grouping, at most one decimal (hours, percentages, counts).

export const thaiNumber = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

/** "80%", or "–" when there is no base to take a percentage of. */
export const percentText = (v: number | null): string => (v === null ? '–' : `${thaiNumber.format(v)}%`);
