/**
 * Wave dates. Wave k starts `start + (k-1) * waveMonths` months and ends the day before wave k+1 starts. Each
 * start is computed from the plan's `start`, never from the previous wave, so clamping to a short month does not
 * drift: from 2019-01-31 with one-month waves, wave 2 starts 2019-02-28 and wave 3 on 2019-03-31.
 *
 * Dates are compared as numbers, never as strings, and a computed date is never parsed back: a wave may start or
 * end after 9999-12-31 (the last date a plan can name), where `YYYY-MM-DD` strings no longer sort or parse. Such
 * dates are written in the expanded ISO 8601 form that `Date.prototype.toISOString` uses (`+010000-01-01`).
 */

/** A date as a month number (year * 12 + month - 1) and a day of the month. */
interface MonthDay {
  readonly month: number;
  readonly day: number;
}

function parse(date: string): MonthDay {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { month: year * 12 + month - 1, day: Number(date.slice(8, 10)) };
}

/** A number that orders dates as the calendar does. */
function key(date: MonthDay): number {
  return date.month * 32 + date.day;
}

function daysIn(month: number): number {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function format(date: MonthDay): string {
  const year = Math.floor(date.month / 12);
  const m = date.month - year * 12 + 1;
  const shownYear = year <= 9999 ? String(year).padStart(4, '0') : `+${String(year).padStart(6, '0')}`;
  return `${shownYear}-${String(m).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function plusMonths(date: MonthDay, months: number): MonthDay {
  const target = date.month + months;
  return { month: target, day: Math.min(date.day, daysIn(target)) };
}

function dayBefore(date: MonthDay): MonthDay {
  return date.day > 1
    ? { month: date.month, day: date.day - 1 }
    : { month: date.month - 1, day: daysIn(date.month - 1) };
}

function dayAfter(date: MonthDay): MonthDay {
  return date.day < daysIn(date.month) ? { month: date.month, day: date.day + 1 } : { month: date.month + 1, day: 1 };
}

/**
 * `date` plus `months` calendar months; a day that the target month lacks becomes that month's last day
 * (2019-01-31 plus one month is 2019-02-28; 2020-01-31 plus one month is 2020-02-29).
 */
export function addMonths(date: string, months: number): string {
  return format(plusMonths(parse(date), months));
}

/** The day after `date` (9999-12-31 is followed by +010000-01-01). */
export function nextDay(date: string): string {
  return format(dayAfter(parse(date)));
}

/** The calendar of a plan that gives both `start` and `waveMonths`. */
export class WaveCalendar {
  readonly start: string;
  readonly waveMonths: number;
  readonly #start: MonthDay;

  constructor(start: string, waveMonths: number) {
    this.start = start;
    this.waveMonths = waveMonths;
    this.#start = parse(start);
  }

  #waveStart(k: number): MonthDay {
    return plusMonths(this.#start, (k - 1) * this.waveMonths);
  }

  /** First day of wave `k` (k >= 1). */
  waveStart(k: number): string {
    return format(this.#waveStart(k));
  }

  /** Last day of wave `k`: the day before wave k+1 starts. */
  waveEnd(k: number): string {
    return format(dayBefore(this.#waveStart(k + 1)));
  }

  /** The first wave that starts on or after `date` (1 when `date` is on or before the plan's start). */
  firstWaveFrom(date: string): number {
    const target = parse(date);
    const limit = key(target);
    if (limit <= key(this.#start)) return 1;
    // Estimate from the month difference, then step to the exact wave: clamping moves a start by days only.
    let k = Math.max(1, Math.floor((target.month - this.#start.month) / this.waveMonths) + 1);
    while (k > 1 && key(this.#waveStart(k - 1)) >= limit) k--;
    while (key(this.#waveStart(k)) < limit) k++;
    return k;
  }

  /** The last wave that ends on or before `date`; 0 when even wave 1 ends after it. */
  lastWaveUntil(date: string): number {
    // Wave k ends on or before `date` exactly when wave k+1 starts on or before the day after it.
    const after = dayAfter(parse(date));
    const limit = key(after);
    if (key(this.#waveStart(2)) > limit) return 0;
    let k = Math.max(1, Math.floor((after.month - this.#start.month) / this.waveMonths));
    while (k > 0 && key(this.#waveStart(k + 1)) > limit) k--;
    while (key(this.#waveStart(k + 2)) <= limit) k++;
    return k;
  }
}
