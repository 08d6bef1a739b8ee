/**
 * Age groups decide which forms and privacy rules apply to a client: check-ins for
 * 13+ are worded for adolescents and adults, children (under 13) get the child form,
 * and an adolescent's right to keep things from a guardian ends at 18.
 */
export const AGE_GROUPS = ['child', 'adolescent', 'adult'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const ADOLESCENT_FROM_AGE = 13;
export const ADULT_FROM_AGE = 18;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into parts, rejecting impossible dates such as 2023-02-30. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** Whole years between a date of birth and a calendar day (both `YYYY-MM-DD`). */
export function ageInYears(dateOfBirth: string, onDate: string): number {
  const born = parseCalendarDate(dateOfBirth);
  const on = parseCalendarDate(onDate);
  if (!born || !on) throw new RangeError('Dates must be real calendar dates written YYYY-MM-DD.');
  let age = on.year - born.year;
  // A birthday counts only once the month and day have been reached; someone born on
  // 29 February turns a year older on 1 March in years without that day.
  if (on.month < born.month || (on.month === born.month && on.day < born.day)) age -= 1;
  return age;
}

export function ageGroupOf(dateOfBirth: string, onDate: string): AgeGroup {
  const age = ageInYears(dateOfBirth, onDate);
  if (age < 0) throw new RangeError('The date of birth is after the given date.');
  if (age >= ADULT_FROM_AGE) return 'adult';
  if (age >= ADOLESCENT_FROM_AGE) return 'adolescent';
  return 'child';
}

/** Today's calendar date in UTC, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
