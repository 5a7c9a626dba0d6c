import { nb } from '../i18n/nb';
import { nn } from '../i18n/nn';
import { en } from '../i18n/en';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function leaves(o: object): string[] {
  return Object.values(o).flatMap((v) => (typeof v === 'object' ? leaves(v) : [v as string]));
}

describe('translations', () => {
  it('nynorsk and English have exactly the keys of bokmål', () => {
    expect(keys(nn).sort()).toEqual(keys(nb).sort());
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });
  it('no text is empty, and placeholders match across languages', () => {
    const ph = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join(',');
    const flat = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce((a: any, p) => a[p], o) as string]));
    const b = flat(nb), n = flat(nn), e = flat(en);
    for (const k of Object.keys(b)) {
      expect(b[k].length, k).toBeGreaterThan(0);
      expect(ph(n[k]), `nn ${k}`).toBe(ph(b[k]));
      expect(ph(e[k]), `en ${k}`).toBe(ph(b[k]));
    }
    expect(leaves(nb).length).toBeGreaterThan(300);
  });
  it('every key the code names literally, t(\'a.b\'), is in bokmål (plurals by their _one/_other forms)', () => {
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../test/**', '!../i18n/**'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const have = new Set(keys(nb).flatMap((k) => [k, k.replace(/_(one|other)$/, '')]));
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources))
      for (const m of text.matchAll(/\bt\(\s*'([a-z_]+\.[a-z_.]+)'/g)) if (!have.has(m[1])) missing.push(`${file}: ${m[1]}`);
    expect(missing).toEqual([]);
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });
});
