/**
 * Wave dates. Wave k starts `start + (k-1) * waveMonths` months and ends the day before wave k+1 starts. Each
 * start is computed from the plan's `start`, never from the previous wave, so clamping to a short month does not
 * drift: from 2019-01-31 with one-month waves, wave 2 starts 2019-02-28 and wave 3 on 2019-03-31.
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

function daysIn(month: number): number {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function format(month: number, day: number): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `date` plus `months` calendar months; a day that the target month lacks becomes that month's last day
 * (2019-01-31 plus one month is 2019-02-28; 2020-01-31 plus one month is 2020-02-29).
 */
export function addMonths(date: string, months: number): string {
  const { month, day } = parse(date);
  const target = month + months;
  return format(target, Math.min(day, daysIn(target)));
}

/** The day before `date`. */
export function previousDay(date: string): string {
  const { month, day } = parse(date);
  if (day > 1) return format(month, day - 1);
  return format(month - 1, daysIn(month - 1));
}

/** The day after `date`. */
export function nextDay(date: string): string {
  const { month, day } = parse(date);
  if (day < daysIn(month)) return format(month, day + 1);
  return format(month + 1, 1);
}

/** The calendar of a plan that gives both `start` and `waveMonths`. */
export class WaveCalendar {
  readonly start: string;
  readonly waveMonths: number;
  readonly #startMonth: number;

  constructor(start: string, waveMonths: number) {
    this.start = start;
    this.waveMonths = waveMonths;
    this.#startMonth = parse(start).month;
  }

  /** First day of wave `k` (k >= 1). */
  waveStart(k: number): string {
    return addMonths(this.start, (k - 1) * this.waveMonths);
  }

  /** Last day of wave `k`: the day before wave k+1 starts. */
  waveEnd(k: number): string {
    return previousDay(this.waveStart(k + 1));
  }

  /** The first wave that starts on or after `date` (1 when `date` is on or before the plan's start). */
  firstWaveFrom(date: string): number {
    if (date <= this.start) return 1;
    // Estimate from the month difference, then step to the exact wave: clamping moves a start by days only.
    let k = Math.max(1, Math.floor((parse(date).month - this.#startMonth) / this.waveMonths) + 1);
    while (k > 1 && this.waveStart(k - 1) >= date) k--;
    while (this.waveStart(k) < date) k++;
    return k;
  }

  /** The last wave that ends on or before `date`; 0 when even wave 1 ends after it. */
  lastWaveUntil(date: string): number {
    // Wave k ends on or before `date` exactly when wave k+1 starts on or before the day after it.
    const limit = nextDay(date);
    if (this.waveStart(2) > limit) return 0;
    let k = Math.max(1, Math.floor((parse(limit).month - this.#startMonth) / this.waveMonths));
    while (k > 0 && this.waveStart(k + 1) > limit) k--;
    while (this.waveStart(k + 2) <= limit) k++;
    return k;
  }
}
