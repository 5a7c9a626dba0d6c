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
});
