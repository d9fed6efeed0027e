export { addDays, dayNumber, fromYmd, isIsoDate, isoDate, isoWeekday, ymd } from './dates.js';
export {
  GRANULARITIES,
  type Granularity,
  isGranularity,
  isoWeek,
  lastCompleteMonth,
  nextPeriodStart,
  type Period,
  parsePeriodText,
  periodLabel,
  periodOf,
  periodStart,
  periodsBetween,
  shiftMonth,
} from './period.js';
export { assertTimeZone, localToInstant, offsetMs, wallClock } from './time-zone.js';
