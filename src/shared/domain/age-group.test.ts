import { describe, expect, it } from 'vitest';
import { ageGroupOf, ageInYears, parseCalendarDate } from './age-group.js';

describe('age group from date of birth', () => {
  it('counts a birthday only once it has been reached', () => {
    expect(ageInYears('2010-06-15', '2023-06-14')).toBe(12);
    expect(ageInYears('2010-06-15', '2023-06-15')).toBe(13);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('puts under-13s in the child group, 13 to 17 in adolescent, 18 and over in adult', () => {
    expect(ageGroupOf('2014-11-27', '2026-11-26')).toBe('child'); // 11 the day before 12th birthday
    expect(ageGroupOf('2013-11-26', '2026-11-26')).toBe('adolescent'); // 13 today
    expect(ageGroupOf('2013-11-27', '2026-11-26')).toBe('child'); // 13 tomorrow
    expect(ageGroupOf('2008-11-26', '2026-11-26')).toBe('adult'); // 18 today
    expect(ageGroupOf('2008-11-27', '2026-11-26')).toBe('adolescent'); // 18 tomorrow
    expect(ageGroupOf('1970-01-01', '2026-11-26')).toBe('adult');
  });

  it('refuses a birth date in the future and impossible dates', () => {
    expect(() => ageGroupOf('2027-01-01', '2026-11-26')).toThrow(RangeError);
    expect(parseCalendarDate('2023-02-30')).toBeNull();
    expect(parseCalendarDate('2023-2-3')).toBeNull();
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
