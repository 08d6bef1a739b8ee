import { parseCalendarDate } from '../../shared/domain/age-group.js';

function locale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

/** A calendar day written YYYY-MM-DD (a date of birth), shown without any time-zone shift. */
export function formatCalendarDate(value: string): string {
  const parts = parseCalendarDate(value);
  if (!parts) return value;
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO-8601 UTC) as a date in the reader's time zone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(iso));
}

/** A moment (ISO-8601 UTC) as date and time in the reader's time zone. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function isPast(iso: string, now: Date = new Date()): boolean {
  return Date.parse(iso) <= now.getTime();
}
