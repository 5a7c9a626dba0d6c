import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { API, apiGet, isNotFound } from '../api/client';
import { useCounties, useIndicatorData, useMunicipality, useOffers, useOrganisations, useProfile } from '../api/hooks';
import type { MunicipalityPage, OfferPage, ProfileEntry, School, SchoolPage } from '../api/types';
import { Attribution } from '../components/Attribution';
import { ChartFigure } from '../components/ChartFigure';
import { DataTable } from '../components/DataTable';
import { ProgressTag } from '../components/Targets';
import { OfferCard } from '../components/OfferCard';
import { ErrorAlert, Loading, PageHeading, QueryState, usePageTitle } from '../components/common';
import { formatNumber, pick } from '../lib/format';
import { categoriesOf, headlineCells, headlineQuery, type Cell } from '../lib/jsonstat';
import { unitLabel } from '../lib/units';
import { NotFoundPage } from './NotFound';
import { usePlaceName } from '../components/usePlaceName';

type Level = 'municipality' | 'county';

function IndicatorCard({ entry, code, level }: { entry: ProfileEntry; code: string; level: Level }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const ind = entry.indicator;
  const area = level === 'county' ? `F-${code}` : `K-${code}`;
  const hq = headlineQuery(ind.headline);
  const series = useIndicatorData(ind.id, { area, lang, ...hq }, entry.period !== null);
  const cells: Cell[] = series.data ? headlineCells(series.data, ind.headline) : [];
  // With one period there is no line to draw: compare with the county and the country instead.
  const compare = entry.period !== null && cells.length < 2;
  const countyCode = level === 'municipality' && /^\d{4}$/.test(code) && !code.startsWith('21') && !code.startsWith('22') ? code.slice(0, 2) : null;
  const county = useIndicatorData(ind.id, { area: `F-${countyCode}`, period: entry.period ?? 'latest', lang, ...hq }, compare && !!countyCode && ind.levels.includes('county'));
  const country = useIndicatorData(ind.id, { level: 'country', period: entry.period ?? 'latest', lang, ...hq }, compare && ind.levels.includes('country'));
  // Oslo is both a municipality (0301) and a county (03): say which is which.
  const areaLabel = (c: Cell) => (c.keys.area.length === 2 && level === 'municipality' ? `${c.labels.area} (${t('level.county').toLowerCase()})` : c.labels.area);
  const peers: Cell[] = [
    ...cells,
    ...(county.data ? headlineCells(county.data, ind.headline) : []),
    ...(country.data ? headlineCells(country.data, ind.headline) : []),
  ];
  const unit = unitLabel(t, ind.unit);
  const name = pick(ind.name, lang);
  const value =
    entry.value !== null ? formatNumber(lang, entry.value, ind.decimals) : entry.status ? t('monitor.suppressed', { status: entry.status }) : '–';
  return (
    <Card data-color="neutral" className="stack indicator-profile">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/monitor/${ind.id}`}>{name}</RouterLink>
        </Link>
      </Heading>
      <p className="big-figure">
        <span className="big-figure__value">{value}</span> <span className="big-figure__unit">{unit}</span>
        {entry.period && <span className="muted"> ({entry.period})</span>}
      </p>
      {entry.rank !== null && (
        <Paragraph data-size="sm">{t('profile.rank', { rank: entry.rank, peers: entry.peers, level: t(`level.${level}_plural`).toLowerCase() })}</Paragraph>
      )}
      {entry.target && (
        <Paragraph data-size="sm">
          {t('profile.target', { value: formatNumber(lang, entry.target.value, ind.decimals), year: entry.target.year, by: entry.target.set_by })}{' '}
          {entry.progress && <ProgressTag state={entry.progress.state} />}
        </Paragraph>
      )}
      {!compare && cells.length > 0 && (
        <ChartFigure
          caption={t('profile.over_time', { name, area: (series.data && categoriesOf(series.data, 'area').labels[code]) || code })}
          spec={{
            kind: 'line',
            data: cells.filter((c) => c.value !== null).map((c) => ({ x: c.keys.period, value: c.value! })),
            unit,
            decimals: ind.decimals,
            target: entry.target?.value ?? null,
          }}
          table={
            <DataTable<Cell>
              caption={t('profile.over_time', { name, area: code })}
              rows={cells}
              rowKey={(c) => c.keys.period}
              columns={[
                { key: 'period', header: t('monitor.period'), cell: (c) => c.keys.period },
                {
                  key: 'value',
                  header: unit,
                  cell: (c) => (c.value === null ? t('monitor.suppressed', { status: c.status }) : formatNumber(lang, c.value, ind.decimals)),
                  numeric: true,
                },
              ]}
            />
          }
        />
      )}
      {compare && peers.some((c) => c.value !== null) && (
        <ChartFigure
          caption={t('profile.compared', { name, period: entry.period })}
          spec={{
            kind: 'bars',
            data: peers
              .filter((c) => c.value !== null)
              .map((c) => ({ key: c.keys.area, label: areaLabel(c), value: c.value!, highlight: c.keys.area === code })),
            unit,
            decimals: ind.decimals,
            target: entry.target?.value ?? null,
          }}
          table={
            <DataTable<Cell>
              caption={t('profile.compared', { name, period: entry.period })}
              rows={peers}
              rowKey={(c) => c.keys.area}
              columns={[
                { key: 'area', header: t('profile.area_col'), cell: (c) => areaLabel(c) },
                {
                  key: 'value',
                  header: unit,
                  cell: (c) => (c.value === null ? t('monitor.suppressed', { status: c.status }) : formatNumber(lang, c.value, ind.decimals)),
                  numeric: true,
                },
              ]}
            />
          }
        />
      )}
    </Card>
  );
}

function Schools({ code, level }: { code: string; level: Level }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const schools = useInfiniteQuery({
    queryKey: ['schools-area', code],
    queryFn: ({ pageParam }) => apiGet<SchoolPage>(`${API}/schools`, { [level]: code, limit: 50, cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  if (schools.isPending) return <Loading />;
  if (schools.isError) return <ErrorAlert error={schools.error} />;
  const rows = schools.data.pages.flatMap((p) => p.items);
  const total = schools.data.pages[0].total;
  return (
    <div className="stack">
      <Paragraph>{t('profile.schools_count', { count: total, n: formatNumber(lang, total, 0) })}</Paragraph>
      {rows.length > 0 && (
        <DataTable<School>
          caption={t('profile.schools')}
          rows={rows}
          rowKey={(s) => s.orgnr}
          columns={[
            { key: 'name', header: t('profile.school'), cell: (s) => s.name },
            ...(level === 'county' ? [{ key: 'municipality', header: t('level.municipality'), cell: (s: School) => s.municipality.name }] : []),
            { key: 'grades', header: t('profile.grades'), cell: (s) => s.grades.map((g) => g.grade).join(', ') },
            {
              key: 'pupils',
              header: t('profile.tested'),
              cell: (s) =>
                s.grades
                  .map((g) => (g.tested_pupils === null ? t('monitor.suppressed', { status: '*' }) : formatNumber(lang, g.tested_pupils, 0)))
                  .join(' / '),
              numeric: true,
            },
          ]}
        />
      )}
      {schools.hasNextPage && (
        <div>
          <Button variant="secondary" onClick={() => schools.fetchNextPage()} loading={schools.isFetchingNextPage}>
            {t('profile.more_schools')}
          </Button>
        </div>
      )}
    </div>
  );
}

function OffersNearby({ code, level }: { code: string; level: Level }) {
  const { t } = useTranslation();
  const near = useOffers({ municipality: code, limit: 12 }, level === 'municipality');
  const inCounty = useQuery({
    queryKey: ['offers', 'county', code],
    queryFn: async () => (await apiGet<OfferPage>(`${API}/offers`, { limit: 1000 })).items.filter((o) => o.municipality?.startsWith(code)),
    enabled: level === 'county',
  });
  const q = level === 'municipality' ? near : inCounty;
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const items = Array.isArray(q.data) ? q.data : (q.data as OfferPage).items;
  if (items.length === 0) return <Paragraph>{t('profile.no_offers')}</Paragraph>;
  return (
    <div className="cards">
      {items.map((o) => (
        <OfferCard key={o.id} offer={o} headingLevel={3} />
      ))}
    </div>
  );
}

const RECRUITS = ['jobs', 'apprenticeships', 'summer_jobs', 'studies'] as const;

/** The county's approved providers by what they recruit young people for: STEM careers close to home. */
function Careers({ code }: { code: string }) {
  const { t } = useTranslation();
  const providers = useOrganisations({ county: code, status: 'approved' });
  return (
    <QueryState query={providers}>
      {(list) => {
        const groups = RECRUITS.map((r) => ({ r, items: list.items.filter((o) => o.recruits_for.includes(r)) })).filter((g) => g.items.length > 0);
        if (groups.length === 0) return <Paragraph>{t('profile.no_careers')}</Paragraph>;
        return (
          <div className="grid-2">
            {groups.map(({ r, items }) => (
              <section key={r} className="stack" aria-labelledby={`careers-${r}`}>
                <Heading level={3} data-size="xs" id={`careers-${r}`}>
                  {t(`providerpage.recruits_${r}`)}
                </Heading>
                <ul>
                  {items.map((o) => (
                    <li key={o.id}>
                      <Link asChild>
                        <RouterLink to={`/tilbyder/${encodeURIComponent(o.id)}`}>{o.name}</RouterLink>
                      </Link>
                      {o.kind === 'volunteer' && o.field ? ` (${o.field})` : o.sector ? ` (${t(`providerpage.sector_${o.sector}`)})` : ''}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}

function CountyMunicipalities({ code }: { code: string }) {
  const list = useQuery({
    queryKey: ['municipalities', code],
    queryFn: () => apiGet<MunicipalityPage>(`${API}/municipalities`, { county: code, limit: 1000 }),
  });
  return (
    <QueryState query={list}>
      {(l) => (
        <ul className="columns-list">
          {l.items.map((m) => (
            <li key={m.number}>
              <Link asChild>
                <RouterLink to={`/kommune/${m.number}`}>{m.name}</RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}

export default function AreaProfilePage({ level }: { level: Level }) {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const profile = useProfile(code);
  const municipality = useMunicipality(level === 'municipality' ? code : undefined);
  const counties = useCounties();
  const county = counties.data?.items.find((c) => c.number === code);
  const placeName = usePlaceName();
  // A municipality whose name another has carries its county ("Våler (Østfold)").
  const bare = profile.data?.name ?? municipality.data?.name ?? county?.name ?? code;
  const name = level === 'municipality' ? placeName({ number: code, name: bare }) : bare;
  usePageTitle(name);
  const population = level === 'municipality' ? municipality.data?.population : county?.population;
  // An area the registry does not know is a proper "not found" page.
  const unknown =
    level === 'municipality' ? municipality.isError && isNotFound(municipality.error) : counties.isSuccess && !county;
  if (unknown) return <NotFoundPage />;

  return (
    <div className="stack-lg">
      <PageHeading lead={t(level === 'municipality' ? 'profile.lead_municipality' : 'profile.lead_county', { code })}>{name}</PageHeading>
      <dl className="facts">
        {population != null && (
          <>
            <dt>{t('profile.population')}</dt>
            <dd>{formatNumber(lang, population, 0)}</dd>
          </>
        )}
        {level === 'municipality' && municipality.data && (
          <>
            {municipality.data.county && (
              <>
                <dt>{t('level.county')}</dt>
                <dd>
                  <Link asChild>
                    <RouterLink to={`/fylke/${municipality.data.county.number}`}>{municipality.data.county.name}</RouterLink>
                  </Link>
                </dd>
              </>
            )}
            {municipality.data.admin_centre && (
              <>
                <dt>{t('profile.admin_centre')}</dt>
                <dd>{municipality.data.admin_centre}</dd>
              </>
            )}
            {municipality.data.area_km2 != null && (
              <>
                <dt>{t('profile.area')}</dt>
                <dd>{formatNumber(lang, municipality.data.area_km2, 0)} km²</dd>
              </>
            )}
            {municipality.data.written_language && (
              <>
                <dt>{t('profile.written_language')}</dt>
                <dd>{t(`written.${municipality.data.written_language}`)}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kart?niva=${level === 'county' ? 'fylke' : 'kommune'}&omrade=${code}`}>{t('profile.on_map')}</RouterLink>
        </Link>
      </Paragraph>

      <section className="stack" aria-labelledby="indicators">
        <Heading level={2} data-size="md" id="indicators">
          {t('profile.indicators')}
        </Heading>
        <QueryState query={profile}>
          {(p) => {
            const withData = p.indicators.filter((e) => e.period !== null);
            const without = p.indicators.filter((e) => e.period === null);
            return (
              <div className="stack">
                <div className="cards">
                  {withData.map((e) => (
                    <IndicatorCard key={e.indicator.id} entry={e} code={p.code} level={level} />
                  ))}
                </div>
                {without.length > 0 && (
                  <Paragraph data-size="sm" className="muted">
                    {t('profile.without_data', { names: without.map((e) => pick(e.indicator.name, lang)).join(', ') })}
                  </Paragraph>
                )}
              </div>
            );
          }}
        </QueryState>
      </section>

      {level === 'county' && (
        <section className="stack" aria-labelledby="municipalities">
          <Heading level={2} data-size="md" id="municipalities">
            {t('profile.municipalities')}
          </Heading>
          <CountyMunicipalities code={code} />
        </section>
      )}

      {level === 'county' && (
        <section className="stack" aria-labelledby="careers">
          <Heading level={2} data-size="md" id="careers">
            {t('profile.careers', { name })}
          </Heading>
          <Paragraph>{t('profile.careers_lead')}</Paragraph>
          <Careers code={code} />
        </section>
      )}

      <section className="stack" aria-labelledby="offers">
        <Heading level={2} data-size="md" id="offers">
          {t(level === 'municipality' ? 'profile.offers_near' : 'profile.offers_in_county')}
        </Heading>
        <OffersNearby code={code} level={level} />
      </section>

      <section className="stack" aria-labelledby="schools">
        <Heading level={2} data-size="md" id="schools">
          {t('profile.schools')}
        </Heading>
        <Schools code={code} level={level} />
      </section>
      <Attribution />
    </div>
  );
}
