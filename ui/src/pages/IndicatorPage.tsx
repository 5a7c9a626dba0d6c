import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { Alert, Field, Label, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { withQuery } from '../api/client';
import { useIndicator, useIndicatorData, useProgress } from '../api/hooks';
import { Attribution } from '../components/Attribution';
import { ChartFigure } from '../components/ChartFigure';
import { DataTable } from '../components/DataTable';
import { ProgressTag, TargetsSection } from '../components/Targets';
import { PageHeading, QueryState, usePageTitle } from '../components/common';
import { formatNumber, pick } from '../lib/format';
import { derivationsOf, headlineCells, headlineQuery, type Cell, type Derivation } from '../lib/jsonstat';
import { unitLabel } from '../lib/units';
import { NotFoundPage } from './NotFound';

const LEVELS = ['county', 'municipality'] as const;

export default function IndicatorPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [params, setParams] = useSearchParams();
  const indicator = useIndicator(id);
  const ind = indicator.data;
  usePageTitle(ind ? pick(ind.name, lang) : t('monitor.title'));

  const levels = (ind?.levels ?? []).filter((l): l is (typeof LEVELS)[number] => (LEVELS as readonly string[]).includes(l));
  const level = (params.get('niva') as (typeof LEVELS)[number]) || levels[0] || 'county';
  const period = params.get('periode') || ind?.latest_period || '';
  const hq = ind ? headlineQuery(ind.headline) : {};
  // Figures as published (on the codes of their time), or moved to today's areas.
  const current = params.get('omrader') === 'dagens';
  const query = { level, period, lang, ...hq, ...(current ? { areas: 'current' } : {}) };
  const data = useIndicatorData(id, query, !!ind?.has_data && levels.length > 0 && !!period);
  const national = useIndicatorData(id, { level: 'country', lang, ...hq }, !!ind?.has_data && !!ind?.levels.includes('country'));

  const rows = useMemo(() => {
    if (!data.data || !ind) return [];
    return headlineCells(data.data, ind.headline).sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  }, [data.data, ind]);
  const derivations = useMemo(
    () => (data.data && ind && current ? derivationsOf(data.data, ind.headline) : new Map<string, Derivation>()),
    [data.data, ind, current],
  );
  // How each area of the level does against the target that applies to it.
  const progress = useProgress(id, level, !!ind && ind.direction !== 'neutral' && levels.length > 0);
  const progressByArea = useMemo(() => new Map((progress.data?.items ?? []).map((p) => [p.area.code, p.progress.state])), [progress.data]);
  const nationalRows = useMemo(() => (national.data && ind ? headlineCells(national.data, ind.headline) : []), [national.data, ind]);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };

  const download = (format: 'csv' | 'jsonstat') => withQuery(`/api/v1/indicators/${id}/data`, { ...query, format });

  return (
    <QueryState query={indicator} notFound={<NotFoundPage />}>
      {(i) => {
        const unit = unitLabel(t, i.unit);
        const numbered = rows.filter((r) => r.value !== null);
        const chartRows =
          level === 'municipality' && numbered.length > 30 ? [...numbered.slice(0, 15), ...numbered.slice(-15)] : numbered;
        // The line across every area's bar: the target for all areas (one area's own is in its row).
        const target = i.targets.find((x) => x.area_level === 'all');
        const fmt = (c: Cell) => (c.value === null ? t('monitor.suppressed', { status: c.status }) : formatNumber(lang, c.value, i.decimals));
        return (
          <div className="stack-lg">
            <PageHeading lead={pick(i.definition, lang)}>{pick(i.name, lang)}</PageHeading>
            <dl className="facts">
              <dt>{t('monitor.stage')}</dt>
              <dd>{t(`stage.${i.stage}`)}</dd>
              <dt>{t('monitor.unit')}</dt>
              <dd>{unit}</dd>
              <dt>{t('monitor.direction')}</dt>
              <dd>{t(`direction.${i.direction}`)}</dd>
              <dt>{t('monitor.source')}</dt>
              <dd>
                {i.source.url ? <Link href={i.source.url}>{i.source.table ?? i.source.name}</Link> : (i.source.table ?? i.source.name)} (
                {i.source.licence}) – <span lang="nb">{i.source.attribution}</span>
              </dd>
              <dt>{t('monitor.periods')}</dt>
              <dd>{i.periods.length ? i.periods.join(', ') : '–'}</dd>
            </dl>
            {!i.has_data ? (
              <Alert data-color="info">
                <Paragraph>{i.origin === 'computed' ? t('monitor.computed_pending') : t('monitor.no_data_long')}</Paragraph>
                {/* Where the figures come from and what brings them, so an operator knows what to run. */}
                <Paragraph>
                  {t(`monitor.fetch_${i.fetch.kind}`, { source: i.source.table ?? i.source.name })}
                  {i.fetch.command && (
                    <>
                      {' '}
                      <code>{i.fetch.command}</code>
                    </>
                  )}
                </Paragraph>
                {i.fetch.how && (
                  <Paragraph data-size="sm" lang="en">
                    {i.fetch.how}
                  </Paragraph>
                )}
              </Alert>
            ) : (
              <>
                <div className="row wrap">
                  {levels.length > 1 && (
                    <Field>
                      <Label>{t('monitor.level')}</Label>
                      <Select value={level} onChange={(e) => set('niva', e.target.value)}>
                        {levels.map((l) => (
                          <Select.Option key={l} value={l}>
                            {t(`level.${l}`)}
                          </Select.Option>
                        ))}
                      </Select>
                    </Field>
                  )}
                  {levels.length > 0 && (
                    <Field>
                      <Label>{t('monitor.areas')}</Label>
                      <Select value={current ? 'dagens' : 'publisert'} onChange={(e) => set('omrader', e.target.value)}>
                        <Select.Option value="publisert">{t('monitor.areas_published')}</Select.Option>
                        <Select.Option value="dagens">{t('monitor.areas_current')}</Select.Option>
                      </Select>
                    </Field>
                  )}
                  {i.periods.length > 1 && (
                    <Field>
                      <Label>{t('monitor.period')}</Label>
                      <Select value={period} onChange={(e) => set('periode', e.target.value)}>
                        {[...i.periods].reverse().map((p) => (
                          <Select.Option key={p} value={p}>
                            {p}
                          </Select.Option>
                        ))}
                      </Select>
                    </Field>
                  )}
                </div>
                <div className="row wrap downloads">
                  <Link href={download('csv')} download>
                    {t('monitor.download_csv')}
                  </Link>
                  <Link href={download('jsonstat')} download={`${id}.json`}>
                    {t('monitor.download_jsonstat')}
                  </Link>
                  <Link asChild>
                    <RouterLink to={`/kart?indikator=${i.id}&niva=${level === 'county' ? 'fylke' : 'kommune'}`}>{t('monitor.show_map')}</RouterLink>
                  </Link>
                </div>
                {nationalRows.length > 0 && (
                  <ChartFigure
                    caption={t('monitor.national_caption', { name: pick(i.name, lang) })}
                    spec={{
                      kind: 'line',
                      data: nationalRows.filter((c) => c.value !== null).map((c) => ({ x: c.keys.period, value: c.value! })),
                      unit,
                      decimals: i.decimals,
                      target: i.targets.find((x) => x.area_level === 'country' || x.area_level === 'all')?.value ?? null,
                    }}
                    table={
                      <DataTable<Cell>
                        caption={t('monitor.national_caption', { name: pick(i.name, lang) })}
                        rows={nationalRows}
                        rowKey={(c) => c.keys.period}
                        columns={[
                          { key: 'period', header: t('monitor.period'), cell: (c) => c.keys.period },
                          { key: 'value', header: unit, cell: fmt, numeric: true },
                        ]}
                      />
                    }
                  />
                )}
                <QueryState query={data}>
                  {() => (
                    <ChartFigure
                      caption={t(level === 'municipality' && numbered.length > 30 ? 'monitor.caption_topbottom' : 'monitor.caption', {
                        level: t(`level.${level}_plural`),
                        period,
                      })}
                      spec={{
                        kind: 'bars',
                        data: chartRows.map((c) => ({ key: c.keys.area, label: c.labels.area, value: c.value! })),
                        unit,
                        decimals: i.decimals,
                        target: target?.value ?? null,
                      }}
                      note={target ? t('monitor.target_note', { value: formatNumber(lang, target.value, i.decimals), year: target.year, by: target.set_by }) : undefined}
                      table={
                        <DataTable<Cell>
                          caption={t('monitor.table_caption', { level: t(`level.${level}_plural`), period })}
                          rows={rows}
                          rowKey={(c) => c.keys.area}
                          columns={[
                            {
                              key: 'area',
                              header: t(`level.${level}`),
                              cell: (c) => (
                                <Link asChild>
                                  <RouterLink to={`/${level === 'county' ? 'fylke' : 'kommune'}/${c.keys.area}`}>{c.labels.area}</RouterLink>
                                </Link>
                              ),
                            },
                            { key: 'value', header: unit, cell: fmt, numeric: true },
                            ...(progressByArea.size > 0
                              ? [
                                  {
                                    key: 'progress',
                                    header: t('targets.progress'),
                                    cell: (c: Cell) => {
                                      const state = progressByArea.get(c.keys.area);
                                      return state ? <ProgressTag state={state} /> : '';
                                    },
                                  },
                                ]
                              : []),
                            ...(current
                              ? [
                                  {
                                    key: 'derivation',
                                    header: t('monitor.derivation'),
                                    cell: (c: Cell) => {
                                      const d = derivations.get(`${c.keys.area}|${c.keys.period}`);
                                      return d ? t(`monitor.derivation_${d.kind}`, { from: d.from.join(', '), on: d.on.join(', ') }) : '';
                                    },
                                  },
                                ]
                              : []),
                          ]}
                        />
                      }
                    />
                  )}
                </QueryState>
              </>
            )}
            <TargetsSection ind={i} level={level} />
            <Paragraph>
              <Link asChild>
                <RouterLink to="/monitor">{t('monitor.back')}</RouterLink>
              </Link>
            </Paragraph>
            <Attribution />
          </div>
        );
      }}
    </QueryState>
  );
}
