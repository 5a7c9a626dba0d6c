import type { JsonStat } from '../api/types';

export interface Cell {
  /** category id per dimension id, e.g. {indicator, area, period, measure} */
  keys: Record<string, string>;
  /** category labels per dimension id */
  labels: Record<string, string>;
  value: number | null;
  status: string;
}

/**
 * A dimension's category ids in order and their labels (JSON-stat 2.0 `category.index`, an
 * array or an object of positions, and `category.label`). The API document leaves `dimension`
 * open, so it is read with care: anything else is a dimension without categories.
 */
export function categoriesOf(ds: JsonStat, dimension: string): { ids: string[]; labels: Record<string, string> } {
  const dim = ds.dimension[dimension];
  const category = isObject(dim) && isObject(dim.category) ? dim.category : {};
  const idx = category.index;
  const ids: string[] = [];
  if (Array.isArray(idx)) ids.push(...idx.map(String));
  else if (isObject(idx)) for (const [k, pos] of Object.entries(idx)) if (typeof pos === 'number') ids[pos] = k;
  const labels: Record<string, string> = {};
  if (isObject(category.label)) for (const [k, v] of Object.entries(category.label)) if (typeof v === 'string') labels[k] = v;
  return { ids, labels };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at<T>(v: T[] | Record<string, T> | T | undefined, i: number): T | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v[i];
  if (typeof v === 'object') return (v as Record<string, T>)[String(i)];
  return v as T; // one status for every cell
}

/** Every cell of a JSON-stat 2.0 dataset, last dimension fastest. */
export function cells(ds: JsonStat): Cell[] {
  const ids = ds.id;
  const cats = ids.map((d) => categoriesOf(ds, d));
  const total = ds.size.reduce((a, b) => a * b, 1);
  const out: Cell[] = [];
  const pos = new Array(ids.length).fill(0);
  for (let i = 0; i < total; i++) {
    // decode i into positions
    let r = i;
    for (let d = ids.length - 1; d >= 0; d--) {
      pos[d] = r % ds.size[d];
      r = Math.floor(r / ds.size[d]);
    }
    const value = at(ds.value, i);
    const status = at(ds.status as (string | null)[] | Record<string, string> | string | undefined, i);
    if ((value === undefined || value === null) && !status) continue;
    const keys: Record<string, string> = {};
    const labels: Record<string, string> = {};
    ids.forEach((d, k) => {
      const id = cats[k].ids[pos[k]];
      keys[d] = id;
      labels[d] = cats[k].labels[id] ?? id;
    });
    out.push({ keys, labels, value: typeof value === 'number' ? value : null, status: status ?? '' });
  }
  return out;
}

/**
 * Only the headline cells: for every breakdown dimension other than the ones the
 * headline names, the total. `headline` is e.g. "measure=score" or "".
 */
export function headlineCells(ds: JsonStat, headline: string): Cell[] {
  const fixed = new Map<string, string>();
  for (const part of headline.split(';').filter(Boolean)) {
    const [k, v] = part.split('=');
    fixed.set(k, v);
  }
  const core = new Set(['indicator', 'area', 'period']);
  return cells(ds).filter((c) =>
    Object.entries(c.keys).every(([dim, cat]) => {
      if (core.has(dim)) return true;
      if (fixed.has(dim)) return fixed.get(dim) === cat;
      return cat === 'total';
    }),
  );
}

/** Query parameters that select the headline breakdown, e.g. {measure: "score"}. */
export function headlineQuery(headline: string): Record<string, string> {
  const q: Record<string, string> = {};
  for (const part of headline.split(';').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (k && v) q[k] = v;
  }
  return q;
}

/** How a figure on today's areas was made from published ones (`areas=current`). */
export interface Derivation {
  kind: 'renumbered' | 'summed' | 'estimated' | 'not_comparable';
  from: string[];
  on: string[];
  estimate: boolean;
  how: string;
}

/**
 * The derivations of a dataset asked for on today's areas (extension.stemnet.derivations), by
 * `area|period`, of the breakdown `breakdown` ("" for the total, or the headline's key).
 */
export function derivationsOf(ds: JsonStat, breakdown = ''): Map<string, Derivation> {
  const out = new Map<string, Derivation>();
  const ext = isObject(ds.extension) && isObject(ds.extension.stemnet) ? ds.extension.stemnet : {};
  const list = Array.isArray(ext.derivations) ? ext.derivations : [];
  for (const d of list) {
    if (!isObject(d) || typeof d.area !== 'string' || typeof d.period !== 'string') continue;
    if ((d.breakdown ?? '') !== breakdown) continue;
    out.set(`${d.area}|${d.period}`, {
      kind: d.kind as Derivation['kind'],
      from: Array.isArray(d.from) ? d.from.map(String) : [],
      on: Array.isArray(d.on) ? d.on.map(String) : [],
      estimate: d.estimate === true,
      how: typeof d.how === 'string' ? d.how : '',
    });
  }
  return out;
}

