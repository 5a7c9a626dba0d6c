/** Sequential palette, light to dark (blue), readable with colour-vision deficiencies. */
export const PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA = '#d4d4d4';

export interface Classes {
  breaks: number[]; // upper bounds of each class but the last
  min: number;
  max: number;
  colors: string[];
}

/** Quantile classes (at most 5) over the numbers; fewer when there are few distinct values. */
export function quantileClasses(values: number[], n = 5): Classes | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const distinct = [...new Set(v)];
  const k = Math.max(1, Math.min(n, distinct.length));
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const b = v[Math.min(v.length - 1, Math.floor((i * v.length) / k))];
    if (!breaks.includes(b) && b > v[0]) breaks.push(b);
  }
  const colors = PALETTE.slice(PALETTE.length - (breaks.length + 1));
  return { breaks, min: v[0], max: v[v.length - 1], colors };
}

export function classOf(c: Classes, value: number): number {
  let i = 0;
  while (i < c.breaks.length && value >= c.breaks[i]) i++;
  return i;
}

export function colorOf(c: Classes | null, value: number | null | undefined): string {
  if (!c || value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  return c.colors[classOf(c, value)];
}

/** [from, to) of each class, for the legend. */
export function ranges(c: Classes): { from: number; to: number; color: string }[] {
  const edges = [c.min, ...c.breaks, c.max];
  return c.colors.map((color, i) => ({ from: edges[i], to: edges[i + 1], color }));
}
