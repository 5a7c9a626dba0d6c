import type { JsonStat } from '../api/types';
import { cells, derivationsOf, headlineCells, headlineQuery } from '../lib/jsonstat';
import { classOf, colorOf, NO_DATA, quantileClasses, ranges } from '../lib/classes';
import { formatDate, formatNumber, formatSpan, formatWeekDays, isoWeek, weekMonday, weekRuns, weeksAhead } from '../lib/format';
import { withQuery } from '../api/client';
import { municipalityOptions } from '../lib/places';

// The API's own example (docs/api.md): one municipality, three measures.
const oslo: JsonStat = {
  version: '2.0',
  class: 'dataset',
  id: ['indicator', 'area', 'period', 'measure'],
  size: [1, 1, 1, 3],
  dimension: {
    indicator: { category: { index: ['national_test_numeracy_5'] } },
    area: { category: { index: ['0301'], label: { '0301': 'Oslo' } } },
    period: { category: { index: ['2025-26'] } },
    measure: {
      category: {
        index: ['participants', 'score', 'uncertainty'],
        label: { participants: 'Elever som deltok', score: 'Skalapoeng', uncertainty: 'Usikkerhet' },
      },
    },
  },
  value: [6284, 52, 0.3],
};

describe('JSON-stat', () => {
  it('reads every cell, last dimension fastest', () => {
    const c = cells(oslo);
    expect(c.map((x) => [x.keys.measure, x.value])).toEqual([
      ['participants', 6284],
      ['score', 52],
      ['uncertainty', 0.3],
    ]);
    expect(c[0].labels.area).toBe('Oslo');
  });
  it('keeps the headline breakdown and the totals of the others', () => {
    expect(headlineCells(oslo, 'measure=score').map((c) => c.value)).toEqual([52]);
    expect(headlineQuery('measure=score')).toEqual({ measure: 'score' });
    expect(headlineQuery('')).toEqual({});
  });
  it('reads sparse values and a status that is one string', () => {
    const ds: JsonStat = {
      ...oslo,
      id: ['indicator', 'area', 'period'],
      size: [1, 2, 1],
      dimension: { ...oslo.dimension, area: { category: { index: { '1144': 0, '0301': 1 } } } },
      value: { '1': 50 },
      status: { '0': '*' },
    };
    const c = cells(ds);
    expect(c).toHaveLength(2);
    expect(c[0]).toMatchObject({ keys: { area: '1144' }, value: null, status: '*' });
    expect(c[1]).toMatchObject({ keys: { area: '0301' }, value: 50, status: '' });
    expect(headlineCells(ds, '')).toHaveLength(2);
  });
  it('a sex breakdown: the headline "" is the total', () => {
    const ds: JsonStat = {
      ...oslo,
      id: ['indicator', 'area', 'period', 'sex'],
      size: [1, 1, 1, 3],
      dimension: { ...oslo.dimension, sex: { category: { index: ['total', '1', '2'] } } },
      value: [null, 12345, 8765],
      status: { '0': ':' },
    };
    expect(headlineCells(ds, '').map((c) => [c.value, c.status])).toEqual([[null, ':']]);
  });
  it("reads how figures moved to today's areas, for the headline's breakdown only", () => {
    const ds: JsonStat = {
      ...oslo,
      extension: {
        stemnet: {
          areas: 'current',
          derivations: [
            { area: '4204', period: '2019', breakdown: '', kind: 'summed', from: ['1001', '1017', '1018'], on: ['2020-01-01'], estimate: false, how: 'summed from 1001, 1017, 1018' },
            { area: '4204', period: '2019', breakdown: 'sex=1', kind: 'summed', from: ['1001'], on: ['2020-01-01'], estimate: false, how: '' },
            { area: '31', period: '2022', breakdown: '', kind: 'estimated', from: ['30'], on: ['2024-01-01'], estimate: true, how: '' },
          ],
        },
      },
    };
    const d = derivationsOf(ds);
    expect(d.size).toBe(2);
    expect(d.get('4204|2019')).toMatchObject({ kind: 'summed', from: ['1001', '1017', '1018'] });
    expect(d.get('31|2022')?.estimate).toBe(true);
    expect(derivationsOf(oslo).size).toBe(0);
  });
});

describe('map classes', () => {
  it('quantiles, colours and legend ranges', () => {
    const c = quantileClasses([40, 45, 47, 49, 50, 50, 51, 52, 55, 56])!;
    expect(c.colors.length).toBe(c.breaks.length + 1);
    expect(c.min).toBe(40);
    expect(c.max).toBe(56);
    expect(classOf(c, 40)).toBe(0);
    expect(classOf(c, 56)).toBe(c.colors.length - 1);
    expect(colorOf(c, null)).toBe(NO_DATA);
    const r = ranges(c);
    expect(r[0].from).toBe(40);
    expect(r[r.length - 1].to).toBe(56);
  });
  it('one distinct value is one class; none is no classes', () => {
    expect(quantileClasses([3, 3, 3])!.colors).toHaveLength(1);
    expect(quantileClasses([])).toBeNull();
  });
});

describe('formats', () => {
  it('numbers in Norwegian and English', () => {
    expect(formatNumber('nb', 2571, 0)).toBe('2\u00a0571');
    expect(formatNumber('nn', 0.3, 1)).toBe('0,3');
    expect(formatNumber('en', 2571, 0)).toBe('2,571');
    expect(formatNumber('nb', null)).toBe('–');
  });
  it("local times are shown as written (the API's Norwegian local time)", () => {
    expect(formatDate('nb', '2026-12-22T09:00')).toBe('22. desember 2026');
    expect(formatSpan('nb', '2026-12-22T09:00', '2026-12-22T10:30')).toMatch(/^22\. desember 2026.*09[:.]00–10[:.]30$/);
    expect(formatDate('en', '2027-02-09T09:00')).toBe('9 February 2027');
  });
  it('ISO weeks for open requests', () => {
    expect(isoWeek(new Date(2027, 2, 22))).toBe('2027-W12');
    expect(isoWeek(new Date(2027, 0, 1))).toBe('2026-W53');
  });
  it('query strings leave out empty filters', () => {
    expect(withQuery('/api/v1/offers', { q: 'robot skole', grade: 6, digital: '', near: undefined })).toBe('/api/v1/offers?q=robot+skole&grade=6');
  });
  it('ISO weeks: Monday of a week, weeks ahead across a new year, the days of a week', () => {
    expect(weekMonday('2027-W12')?.toISOString().slice(0, 10)).toBe('2027-03-22');
    expect(weekMonday('2026-W53')?.toISOString().slice(0, 10)).toBe('2026-12-28');
    expect(weekMonday('uke 12')).toBeNull();
    expect(weeksAhead(new Date(2026, 11, 21), 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(formatWeekDays('nb', '2027-W12')).toBe('22.–28. mars');
  });
});

describe('places', () => {
  it('tells municipalities that share a name apart by their county, in Norwegian order', () => {
    const options = municipalityOptions([
      { number: '3419', name: 'Våler', county: { number: '34', name: 'Innlandet' } },
      { number: '3110', name: 'Hvaler', county: { number: '31', name: 'Østfold' } },
      { number: '3114', name: 'Våler', county: { number: '31', name: 'Østfold' } },
      { number: '1515', name: 'Herøy', county: { number: '15', name: 'Møre og Romsdal' } },
      { number: '2100', name: 'Svalbard', county: null },
      { number: '3103', name: 'Ås', county: { number: '31', name: 'Østfold' } },
    ]);
    expect(options.map((o) => o.label)).toEqual(['Herøy', 'Hvaler', 'Svalbard', 'Våler (Innlandet)', 'Våler (Østfold)', 'Ås']);
    expect(options.find((o) => o.label === 'Våler (Østfold)')?.value).toBe('3114');
  });
});

describe('weeks as people write them', () => {
  it('makes ranges of consecutive weeks', () => {
    expect(weekRuns([4, 5, 6, 7, 8])).toEqual(['4–8']);
    expect(weekRuns([14, 12, 13, 2, 9, 9])).toEqual(['2', '9', '12–14']);
    expect(weekRuns([])).toEqual([]);
  });
});
