import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Button, Card, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { API, apiGet } from '../api/client';
import { useChange, useCounties, useOrganisations, useRequests } from '../api/hooks';
import type { ListOf, Municipality, Offer, Organisation } from '../api/types';
import { DataTable } from '../components/DataTable';
import { OpenRequestCards } from '../components/OpenRequestList';
import { RequestTable } from '../components/RequestTable';
import { ErrorAlert, Loading, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { formatDateTime, formatNumber } from '../lib/format';
import { countiesOf, isAdmin } from '../lib/roles';

function PendingProvider({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [reason, setReason] = useState('');
  const keys = [['organisations']];
  const approve = useChange<undefined, Organisation>('POST', `${API}/organisations/${org.id}/approve`, keys);
  const reject = useChange<{ reason: string }, Organisation>('POST', `${API}/organisations/${org.id}/reject`, keys);
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        {org.name}
      </Heading>
      <Paragraph data-size="sm">
        {t(`org.kind_${org.kind}`)} · {org.orgnr ?? t('org.no_orgnr')} · {t('org.registered', { date: formatDateTime(lang, org.created_at) })}
      </Paragraph>
      {org.profile && <Paragraph>{org.profile}</Paragraph>}
      {approve.isError && <ErrorAlert error={approve.error} />}
      {reject.isError && <ErrorAlert error={reject.error} />}
      <div className="row">
        <Button onClick={() => approve.mutate(undefined)} loading={approve.isPending}>
          {t('coordinator.approve')}
        </Button>
      </div>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          reject.mutate({ reason });
        }}
      >
        <Textfield label={t('coordinator.reject_reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button type="submit" variant="secondary" data-color="danger" loading={reject.isPending}>
          {t('coordinator.reject')}
        </Button>
      </form>
    </Card>
  );
}

interface GapRow {
  m: Municipality;
  offers: number | undefined;
}

/** Gaps computed from what exists: per municipality, its schools and the offers that reach it. */
function Gaps({ county }: { county: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const municipalities = useQuery({
    queryKey: ['municipalities', county],
    queryFn: () => apiGet<ListOf<Municipality>>(`${API}/municipalities`, { county, limit: 1000 }),
  });
  const items = municipalities.data?.items ?? [];
  const reach = useQueries({
    queries: items.map((m) => ({
      queryKey: ['offers', { municipality: m.number, limit: 1 }],
      queryFn: () => apiGet<ListOf<Offer>>(`${API}/offers`, { municipality: m.number, limit: 1 }),
      staleTime: 60_000,
    })),
  });
  const rows: GapRow[] = useMemo(
    () =>
      items
        .map((m, i) => ({ m, offers: reach[i]?.data?.total }))
        .sort((a, b) => (a.offers ?? 1e9) - (b.offers ?? 1e9) || b.m.school_count - a.m.school_count),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, reach.map((r) => r.data?.total).join(',')],
  );
  if (municipalities.isPending) return <Loading />;
  if (municipalities.isError) return <ErrorAlert error={municipalities.error} />;
  const loading = reach.some((r) => r.isPending);
  const uncovered = rows.filter((r) => r.offers !== undefined && r.offers === 0 && r.m.school_count > 0).length;
  const onlyDigital = rows.filter((r) => r.offers !== undefined && r.offers > 0).length;
  return (
    <div className="stack">
      <Paragraph>{t('gaps.explain')}</Paragraph>
      {loading ? (
        <Loading label={t('gaps.counting')} />
      ) : (
        <Paragraph role="status">{t('gaps.summary', { uncovered, reached: onlyDigital, total: rows.length })}</Paragraph>
      )}
      <DataTable<GapRow>
        caption={t('gaps.caption')}
        rows={rows}
        rowKey={(r) => r.m.number}
        columns={[
          {
            key: 'name',
            header: t('gaps.municipality'),
            cell: (r) => (
              <Link asChild>
                <RouterLink to={`/kommune/${r.m.number}`}>{r.m.name}</RouterLink>
              </Link>
            ),
          },
          { key: 'schools', header: t('gaps.schools'), cell: (r) => formatNumber(lang, r.m.school_count, 0), numeric: true },
          { key: 'offers', header: t('gaps.offers'), cell: (r) => (r.offers === undefined ? '…' : formatNumber(lang, r.offers, 0)), numeric: true },
          {
            key: 'flag',
            header: t('gaps.status'),
            cell: (r) =>
              r.offers === 0 && r.m.school_count > 0 ? <Tag data-color="warning">{t('gaps.gap')}</Tag> : r.offers === undefined ? '' : t('gaps.ok'),
          },
        ]}
      />
    </div>
  );
}

export default function CoordinatorDashboard() {
  const { t } = useTranslation();
  usePageTitle(t('coordinator.title'));
  const counties = useCounties();
  const pending = useOrganisations({ status: 'pending' });
  const requests = useRequests();
  const [chosen, setChosen] = useState<string>('');
  return (
    <RequireAuth>
      {(me) => {
        const mine = isAdmin(me) ? (counties.data?.items ?? []).map((c) => c.number) : countiesOf(me);
        const county = chosen || mine[0] || '';
        const countyName = (n: string) => counties.data?.items.find((c) => c.number === n)?.name ?? n;
        if (mine.length === 0 && !isAdmin(me)) return <Paragraph>{t('coordinator.no_role')}</Paragraph>;
        return (
          <div className="stack-lg">
            <PageHeading lead={isAdmin(me) && countiesOf(me).length === 0 ? t('coordinator.lead_admin') : t('coordinator.lead', { counties: countiesOf(me).map(countyName).join(', ') })}>{t('coordinator.title')}</PageHeading>

            <section className="stack" aria-labelledby="pending">
              <Heading level={2} data-size="md" id="pending">
                {t('coordinator.pending')}
              </Heading>
              <QueryState query={pending}>
                {(list) =>
                  list.items.length === 0 ? (
                    <Paragraph>{t('coordinator.no_pending')}</Paragraph>
                  ) : (
                    <div className="cards">
                      {list.items.map((o) => (
                        <PendingProvider key={o.id} org={o} />
                      ))}
                    </div>
                  )
                }
              </QueryState>
            </section>

            <section className="stack" aria-labelledby="open">
              <Heading level={2} data-size="md" id="open">
                {t('coordinator.open_requests')}
              </Heading>
              <Paragraph>{t('open.explain_coordinator')}</Paragraph>
              <OpenRequestCards query={{ state: 'open' }} me={me} />
            </section>

            <section className="stack" aria-labelledby="region-requests">
              <Heading level={2} data-size="md" id="region-requests">
                {t('coordinator.requests')}
              </Heading>
              <QueryState query={requests}>
                {(list) =>
                  list.items.length === 0 ? (
                    <Paragraph>{t('coordinator.no_requests')}</Paragraph>
                  ) : (
                    <RequestTable caption={t('coordinator.requests')} rows={list.items} side="provider" />
                  )
                }
              </QueryState>
            </section>

            <section className="stack" aria-labelledby="gaps">
              <Heading level={2} data-size="md" id="gaps">
                {t('gaps.title')}
              </Heading>
              {mine.length > 1 && (
                <Field>
                  <Label>{t('coordinator.county')}</Label>
                  <Select value={county} onChange={(e) => setChosen(e.target.value)}>
                    {mine.map((c) => (
                      <Select.Option key={c} value={c}>
                        {countyName(c)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
              )}
              {county && <Gaps county={county} key={county} />}
              <Paragraph>
                <Link asChild>
                  <RouterLink to={`/kart?fylke=${county}`}>{t('coordinator.see_map')}</RouterLink>
                </Link>
              </Paragraph>
            </section>
          </div>
        );
      }}
    </RequireAuth>
  );
}
