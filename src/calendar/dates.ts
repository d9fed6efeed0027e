/**
 * Calendar dates without a time zone, as ISO text ("2026-03-01") or as day numbers (days since
 * 1970-01-01). Reporting periods and cost accrual periods are calendar dates in the workspace's
 * time zone, so all their arithmetic stays on whole days.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function dayNumber(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new Error(`not an ISO date: ${isoDate}`);
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(isoDateText: string, days: number): string {
  return isoDate(dayNumber(isoDateText) + days);
}

export function ymd(isoDateText: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDateText.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function fromYmd(year: number, month: number, day: number): string {
  return isoDate(Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY));
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(isoDateText: string): number {
  const day = new Date(`${isoDateText}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
