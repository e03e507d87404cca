// Figures rounded once, where they are computed, so stored totals, screens and exports agree.

/** One decimal: hours per person, percentages. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Two decimals: hour totals (half hours add up without float dust) and Likert means. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A share in percent with one decimal; null when there is nothing to divide by yet. */
export const percent = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
