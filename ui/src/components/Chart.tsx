import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import type { ChartSpec } from './chart-spec';

const ACCENT = '#0062ba';
const HIGHLIGHT = '#b3541e';
const TARGET = '#068718';
const TEXT = '#292c30';

/** Observable Plot, drawn into a div. Hidden from assistive technology: the table beside it carries the data. */
export default function Chart({ spec, width }: { spec: ChartSpec; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = Math.max(280, Math.min(width ?? el.clientWidth ?? 640, 960));
    const fmt = (d: number) => formatNumber(lang, d, spec.decimals);
    let svg: Element;
    if (spec.kind === 'bars') {
      // A stable order: highest first, ties by name; the keys (area codes such as "31") are
      // categories, not numbers, so the scale is a band with that order as its domain.
      // Keys get a letter first: Plot takes strings of digits for numbers and warns on the chart.
      const rows = [...spec.data]
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, lang === 'en' ? 'en' : 'nb'))
        .map((r) => ({ ...r, key: `k${r.key}` }));
      const labelOf = new Map(rows.map((r) => [r.key, r.label]));
      // Room for the longest name in full ("Finnmark - Finnmárku - Finmarkku"), at most half the width.
      const longest = Math.max(0, ...rows.map((r) => r.label.length));
      const marks: Plot.Markish[] = [
        Plot.barX(rows, {
          y: 'key',
          x: 'value',
          fill: (d: (typeof rows)[number]) => (d.highlight ? HIGHLIGHT : ACCENT),
        }),
        Plot.ruleX([0]),
        Plot.text(rows, { y: 'key', x: 'value', text: (d: (typeof rows)[number]) => fmt(d.value), dx: 4, textAnchor: 'start', fill: TEXT }),
      ];
      if (spec.target != null) marks.push(Plot.ruleX([spec.target], { stroke: TARGET, strokeWidth: 2, strokeDasharray: '4,3' }));
      svg = Plot.plot({
        width: w,
        height: Math.max(120, rows.length * 22 + 40),
        marginLeft: Math.min(w * 0.5, Math.max(60, longest * 7 + 16)),
        marginRight: 48,
        x: { label: spec.unit ?? null, tickFormat: fmt, grid: true, nice: true },
        y: { label: null, type: 'band', domain: rows.map((r) => r.key), tickFormat: (k: string) => labelOf.get(k) ?? k },
        style: { fontSize: '13px', color: TEXT, background: 'transparent' },
        marks,
      });
    } else if (spec.kind === 'columns') {
      svg = Plot.plot({
        width: w,
        height: 260,
        x: { label: null, type: 'band' },
        y: { label: spec.unit ?? null, tickFormat: fmt, grid: true, nice: true },
        style: { fontSize: '13px', color: TEXT, background: 'transparent' },
        marks: [Plot.barY(spec.data, { x: 'x', y: 'value', fill: ACCENT }), Plot.ruleY([0])],
      });
    } else {
      const marks: Plot.Markish[] = [
        Plot.lineY(spec.data, { x: 'x', y: 'value', stroke: ACCENT, strokeWidth: 2 }),
        Plot.dot(spec.data, { x: 'x', y: 'value', fill: ACCENT, r: 4 }),
        Plot.text(spec.data, { x: 'x', y: 'value', text: (d: { value: number }) => fmt(d.value), dy: -10, fill: TEXT }),
      ];
      if (spec.target != null) marks.push(Plot.ruleY([spec.target], { stroke: TARGET, strokeWidth: 2, strokeDasharray: '4,3' }));
      svg = Plot.plot({
        width: w,
        height: 240,
        x: { label: null, type: 'point', padding: 0.5 },
        y: { label: spec.unit ?? null, tickFormat: fmt, grid: true, nice: true },
        style: { fontSize: '13px', color: TEXT, background: 'transparent' },
        marks,
      });
    }
    // Plot puts a <style> of its defaults into every chart; the Content-Security-Policy allows no
    // inline style, so those rules live in styles.css (.chart svg) and the element goes before
    // the chart reaches the page.
    svg.querySelector(':scope > style')?.remove();
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    el.replaceChildren(svg);
    return () => {
      el.replaceChildren();
    };
  }, [spec, lang, width]);

  return <div ref={ref} className="chart" aria-hidden="true" />;
}
