import type { Lang } from '../api/types';

/** The Intl locale for a UI language: Norwegian formats for nb and nn. */
export function locale(lang: string): string {
  if (lang === 'nn') return 'nn-NO';
  if (lang === 'en') return 'en-GB';
  return 'nb-NO';
}

export function formatNumber(lang: string, n: number | null | undefined, decimals?: number): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const opts: Intl.NumberFormatOptions =
    decimals === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat(locale(lang), opts).format(n);
}

export function formatPercent(lang: string, n: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(n);
}

/**
 * The API writes local times as "YYYY-MM-DDTHH:MM" (Norwegian time, no zone) and
 * instants as "…Z". Local times are shown as written: parse their parts, never shift them.
 */
function parse(s: string): Date {
  const local = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/);
  if (local) {
    const [, y, m, d, hh, mm] = local;
    return new Date(Date.UTC(+y, +m - 1, +d, hh ? +hh : 0, mm ? +mm : 0));
  }
  return new Date(s);
}

export function formatDate(lang: string, s: string | null | undefined): string {
  if (!s) return '–';
  const isLocal = !/[zZ]|[+-]\d{2}:?\d{2}$/.test(s);
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: isLocal ? 'UTC' : 'Europe/Oslo',
  }).format(parse(s));
}

export function formatDateTime(lang: string, s: string | null | undefined): string {
  if (!s) return '–';
  const isLocal = !/[zZ]|[+-]\d{2}:?\d{2}$/.test(s);
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: isLocal ? 'UTC' : 'Europe/Oslo',
  }).format(parse(s));
}

export function formatTime(lang: string, s: string): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(parse(s));
}

/** "22. desember 2026 kl. 09:00–10:30" style span for a slot. */
export function formatSpan(lang: string, start: string | null, end: string | null): string {
  if (!start) return '–';
  return end ? `${formatDateTime(lang, start)}–${formatTime(lang, end)}` : formatDateTime(lang, start);
}

export function formatList(lang: string, items: string[]): string {
  return new Intl.ListFormat(locale(lang), { style: 'long', type: 'conjunction' }).format(items);
}

/** Pick the text of a localised object for the language, falling back to bokmål. */
export function pick(obj: Partial<Record<Lang, string>> | undefined, lang: string): string {
  if (!obj) return '';
  return obj[lang as Lang] || obj.nb || obj.en || '';
}

/** ISO week ("2027-W12") of a date. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week ("2027-W12"), as a UTC date; null when it is not one. */
export function weekMonday(id: string): Date | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (week - 1) * 7);
  return monday;
}

/** The ISO weeks from the one holding `from`, `count` of them. */
export function weeksAhead(from: Date, count: number): string[] {
  const out: string[] = [];
  const d = new Date(from);
  for (let i = 0; i < count; i++) {
    out.push(isoWeek(d));
    d.setDate(d.getDate() + 7);
  }
  return out;
}

/** "22. mars–28. mars" for a week (Monday to Sunday). */
export function formatWeekDays(lang: string, id: string): string {
  const monday = weekMonday(id);
  if (!monday) return id;
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  const f = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return f.formatRange(monday, sunday);
}

/** A file's size as people read it: "48 kB", "1,2 MB" (decimal units, as file managers show). */
export function formatBytes(lang: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale(lang), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** Week numbers as people write them: consecutive ones as a range ("4–8"), once each, in order. */
export function weekRuns(weeks: number[]): string[] {
  const sorted = [...new Set(weeks)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out;
}
