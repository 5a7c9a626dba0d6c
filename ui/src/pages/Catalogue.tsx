import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Alert, Button, Checkbox, Field, Heading, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { API, apiGet } from '../api/client';
import { useMe, useMunicipalities, useSchool } from '../api/hooks';
import { FORMATS, SUBJECTS, type OfferPage } from '../api/types';
import { ErrorAlert, Loading, PageHeading, usePageTitle } from '../components/common';
import { OfferCard } from '../components/OfferCard';
import { schoolsOf } from '../lib/roles';
import { formatNumber } from '../lib/format';
import { municipalityOptions } from '../lib/places';

const KEYS = ['q', 'format', 'subject', 'grade', 'digital', 'near', 'municipality'] as const;

function SchoolOption({ orgnr }: { orgnr: string }) {
  const school = useSchool(orgnr);
  return <option value={orgnr}>{school.data?.name ?? orgnr}</option>;
}

export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const mySchools = schoolsOf(me.data);
  const municipalities = useMunicipalities();

  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);

  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const offers = useInfiniteQuery({
    queryKey: ['offers-search', filters],
    queryFn: ({ pageParam }) => apiGet<OfferPage>(`${API}/offers`, { ...filters, limit: 20, cursor: pageParam }),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

  const update = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update('q', q.trim());
  };

  const sortedMunicipalities = useMemo(() => municipalityOptions(municipalities.data?.items ?? []), [municipalities.data]);
  const items = offers.data?.pages.flatMap((p) => p.items) ?? [];
  const total = offers.data?.pages[0]?.total;

  return (
    <div className="stack-lg">
      <PageHeading lead={t('catalogue.lead')}>{t('catalogue.title')}</PageHeading>
      <div className="with-sidebar">
        <section aria-labelledby="filters-heading" className="filters">
          <Heading level={2} data-size="xs" id="filters-heading">
            {t('catalogue.filters')}
          </Heading>
          <form role="search" onSubmit={submit} className="form">
            <Textfield label={t('catalogue.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} description={t('catalogue.search_hint')} />
            <Button type="submit" variant="primary">
              {t('catalogue.search_button')}
            </Button>
          </form>
          {mySchools.length > 0 && (
            <Field>
              <Label>{t('catalogue.near_school')}</Label>
              <Select value={filters.near ?? ''} onChange={(e) => update('near', e.target.value)}>
                <Select.Option value="">{t('catalogue.anywhere')}</Select.Option>
                {mySchools.map((s) => (
                  <SchoolOption key={s} orgnr={s} />
                ))}
              </Select>
            </Field>
          )}
          <Field>
            <Label>{t('catalogue.municipality')}</Label>
            <Select value={filters.municipality ?? ''} onChange={(e) => update('municipality', e.target.value)} disabled={!!filters.near}>
              <Select.Option value="">{t('catalogue.all_municipalities')}</Select.Option>
              {sortedMunicipalities.map((m) => (
                <Select.Option key={m.value} value={m.value}>
                  {m.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('catalogue.format')}</Label>
            <Select value={filters.format ?? ''} onChange={(e) => update('format', e.target.value)}>
              <Select.Option value="">{t('catalogue.all_formats')}</Select.Option>
              {FORMATS.map((f) => (
                <Select.Option key={f} value={f}>
                  {t(`format.${f}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('catalogue.subject')}</Label>
            <Select value={filters.subject ?? ''} onChange={(e) => update('subject', e.target.value)}>
              <Select.Option value="">{t('catalogue.all_subjects')}</Select.Option>
              {SUBJECTS.map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`subject.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('catalogue.grade')}</Label>
            <Select value={filters.grade ?? ''} onChange={(e) => update('grade', e.target.value)}>
              <Select.Option value="">{t('catalogue.all_grades')}</Select.Option>
              {Array.from({ length: 13 }, (_, i) => i + 1).map((g) => (
                <Select.Option key={g} value={String(g)}>
                  {t('grade.label', { grade: g })}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label={t('catalogue.digital_only')}
            checked={filters.digital === 'true'}
            onChange={(e) => update('digital', e.target.checked ? 'true' : '')}
          />
          {Object.keys(filters).length > 0 && (
            <Button variant="tertiary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('catalogue.clear')}
            </Button>
          )}
        </section>
        <section aria-labelledby="results-heading" className="stack">
          <Heading level={2} data-size="xs" id="results-heading">
            {t('catalogue.results')}
          </Heading>
          <Paragraph role="status" aria-live="polite" data-testid="result-count">
            {total === undefined ? '' : t('catalogue.count', { count: total, n: formatNumber(lang, total, 0) })}
          </Paragraph>
          {offers.isPending && <Loading />}
          {offers.isError && <ErrorAlert error={offers.error} />}
          {total === 0 && (
            <Alert data-color="info">
              <Heading level={3} data-size="2xs">
                {t('catalogue.none_heading')}
              </Heading>
              <Paragraph>{t('catalogue.none_text')}</Paragraph>
              <Paragraph>
                <Link asChild>
                  <RouterLink to="/apne-foresporsler/ny">{t('catalogue.none_open_request')}</RouterLink>
                </Link>
              </Paragraph>
            </Alert>
          )}
          <div className="cards">
            {items.map((o) => (
              <OfferCard key={o.id} offer={o} headingLevel={3} />
            ))}
          </div>
          {offers.hasNextPage && (
            <Button variant="secondary" onClick={() => offers.fetchNextPage()} loading={offers.isFetchingNextPage}>
              {t('catalogue.more')}
            </Button>
          )}
        </section>
      </div>
    </div>
  );
}
