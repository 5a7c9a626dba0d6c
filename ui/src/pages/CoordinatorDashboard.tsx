import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Card, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useCounties, useGaps, useMunicipality, useOrganisations, useRequests } from '../api/hooks';
import type { Gap, Organisation, OrganisationRejectInput } from '../api/types';
import { DataTable } from '../components/DataTable';
import { JoinRequestsToDecide } from '../components/Joining';
import { OpenRequestCards } from '../components/OpenRequestList';
import { RequestTable } from '../components/RequestTable';
import { ErrorAlert, HubLink, Loading, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { formatDateTime, formatNumber } from '../lib/format';
import { countiesOf, isAdmin } from '../lib/roles';

/** A provider waiting for approval, with what the coordinator needs to decide: who, where, whom to ask. */
function PendingProvider({ org, onDecided }: { org: Organisation; onDecided: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [reason, setReason] = useState('');
  const keys = [['organisations']];
  const approve = useChange<undefined, Organisation>('POST', `${API}/organisations/${org.id}/approve`, keys);
  const reject = useChange<OrganisationRejectInput, Organisation>('POST', `${API}/organisations/${org.id}/reject`, keys);
  const m = useMunicipality(org.municipality);
  const c = org.contact;
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        {org.name}
      </Heading>
      <Paragraph data-size="sm">
        {t(`org.kind_${org.kind}`)} · {org.orgnr ?? t('org.no_orgnr')} · {t('org.registered', { date: formatDateTime(lang, org.created_at) })}
      </Paragraph>
      <dl className="facts">
        <div>
          <dt>{t('org.municipality')}</dt>
          <dd>{m.data ? [m.data.name, m.data.county?.name].filter(Boolean).join(', ') : org.municipality}</dd>
        </div>
        {org.kind === 'volunteer' && (
          <div>
            <dt>{t('org.field')}</dt>
            <dd>{[org.field, org.affiliation].filter(Boolean).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('org.contact')}</dt>
          <dd>
            {c.name || c.email || c.phone ? (
              <span className="contact">
                {c.name && <span>{[c.name, c.title].filter(Boolean).join(', ')}</span>}
                {c.email && <Link href={`mailto:${c.email}`}>{c.email}</Link>}
                {c.phone && <span>{c.phone}</span>}
              </span>
            ) : (
              t('coordinator.no_contact')
            )}
          </dd>
        </div>
        {org.website && (
          <div>
            <dt>{t('org.website')}</dt>
            <dd>
              <Link href={org.website} rel="noopener noreferrer">
                {org.website}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      {org.profile && <Paragraph className="profile-text">{org.profile}</Paragraph>}
      {approve.isError && <ErrorAlert error={approve.error} />}
      {reject.isError && <ErrorAlert error={reject.error} />}
      <div className="row">
        <Button onClick={() => approve.mutate(undefined, { onSuccess: () => onDecided(t('coordinator.approved_now', { name: org.name })) })} loading={approve.isPending}>
          {t('coordinator.approve_named', { name: org.name })}
        </Button>
      </div>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          reject.mutate({ reason }, { onSuccess: () => onDecided(t('coordinator.rejected_now', { name: org.name })) });
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

type GapSort = 'cold' | 'name' | 'rate' | 'offers';

const byName = (lang: string) => (a: Gap, b: Gap) => a.name.localeCompare(b.name, lang === 'en' ? 'en' : 'nb');
/** Least served first: nulls (no pupil count) last. */
const byRate = (a: Gap, b: Gap) => (a.bookings_per_1000_pupils ?? Infinity) - (b.bookings_per_1000_pupils ?? Infinity);

/** Gaps from GET /api/v1/gaps (one call for the country), the county's municipalities, cold spots first. */
function Gaps({ county }: { county: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const gaps = useGaps('municipality');
  const [sort, setSort] = useState<GapSort>('cold');
  const rows = useMemo(() => {
    const mine = (gaps.data?.items ?? []).filter((g) => g.code.slice(0, 2) === county);
    const name = byName(lang);
    const cmp: Record<GapSort, (a: Gap, b: Gap) => number> = {
      cold: (a, b) => Number(b.cold_spot) - Number(a.cold_spot) || byRate(a, b) || a.offers_in_reach - b.offers_in_reach || name(a, b),
      name,
      rate: (a, b) => byRate(a, b) || name(a, b),
      offers: (a, b) => a.offers_in_reach - b.offers_in_reach || name(a, b),
    };
    return [...mine].sort(cmp[sort]);
  }, [gaps.data, county, sort, lang]);
  if (gaps.isPending) return <Loading />;
  if (gaps.isError) return <ErrorAlert error={gaps.error} />;
  const cold = rows.filter((r) => r.cold_spot).length;
  return (
    <div className="stack">
      <Paragraph>{t('gaps.explain')}</Paragraph>
      <Paragraph data-size="sm" className="cold-spot-rule">
        <strong>{t('gaps.rule_title')}</strong> {t('gaps.rule')}
      </Paragraph>
      <Paragraph role="status">{t('gaps.summary', { cold, total: rows.length, period: gaps.data.period })}</Paragraph>
      <Paragraph data-size="sm" data-testid="gaps-pupils">
        {gaps.data.pupils_period ? t('gaps.pupils_source', { period: gaps.data.pupils_period }) : t('gaps.no_pupils')}
      </Paragraph>
      <Field className="narrow">
        <Label>{t('gaps.sort')}</Label>
        <Select value={sort} onChange={(e) => setSort(e.target.value as GapSort)} data-testid="gaps-sort">
          {(['cold', 'rate', 'offers', 'name'] as const).map((k) => (
            <Select.Option key={k} value={k}>
              {t(`gaps.sort_${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <DataTable<Gap>
        caption={t('gaps.caption', { period: gaps.data.period })}
        className="gaps-table"
        rows={rows}
        rowKey={(r) => r.code}
        columns={[
          {
            key: 'name',
            header: t('gaps.municipality'),
            cell: (r) => (
              <Link asChild>
                <RouterLink to={`/kommune/${r.code}`}>{r.name}</RouterLink>
              </Link>
            ),
          },
          {
            key: 'flag',
            header: t('gaps.status'),
            cell: (r) => (r.cold_spot ? <Tag data-color="warning">{t('gaps.cold_spot')}</Tag> : t('gaps.not_cold')),
          },
          {
            key: 'schools',
            header: t('gaps.schools_engaged'),
            cell: (r) => t('gaps.of', { part: formatNumber(lang, r.schools_engaged, 0), whole: formatNumber(lang, r.schools, 0) }),
            numeric: true,
          },
          { key: 'bookings', header: t('gaps.bookings'), cell: (r) => formatNumber(lang, r.bookings, 0), numeric: true },
          { key: 'rate', header: t('gaps.rate'), cell: (r) => formatNumber(lang, r.bookings_per_1000_pupils, 1), numeric: true },
          { key: 'reached', header: t('gaps.reached'), cell: (r) => formatNumber(lang, r.pupils_reached_per_1000_pupils, 1), numeric: true },
          {
            key: 'offers',
            header: t('gaps.offers'),
            cell: (r) => t('gaps.offers_cell', { all: formatNumber(lang, r.offers_in_reach, 0), digital: formatNumber(lang, r.digital_offers, 0) }),
            numeric: true,
          },
          { key: 'open', header: t('gaps.open_unanswered'), cell: (r) => formatNumber(lang, r.open_requests_unanswered, 0), numeric: true },
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
  const [decided, setDecided] = useState('');
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
            <HubLink />

            <section className="stack" aria-labelledby="rounds">
              <Heading level={2} data-size="md" id="rounds">
                {t('rounds.title')}
              </Heading>
              <Paragraph>{t('rounds.teaser')}</Paragraph>
              <Paragraph>
                <Link asChild>
                  <RouterLink to="/min-side/koordinator/runder">{t('rounds.open_link')}</RouterLink>
                </Link>
              </Paragraph>
            </section>

            <section className="stack" aria-labelledby="pending">
              <Heading level={2} data-size="md" id="pending">
                {t('coordinator.pending')}
              </Heading>
              <div role="status">{decided && <Alert data-color="success">{decided}</Alert>}</div>
              <QueryState query={pending}>
                {(list) =>
                  list.items.length === 0 ? (
                    <Paragraph>{t('coordinator.no_pending')}</Paragraph>
                  ) : (
                    <div className="cards">
                      {list.items.map((o) => (
                        <PendingProvider key={o.id} org={o} onDecided={setDecided} />
                      ))}
                    </div>
                  )
                }
              </QueryState>
            </section>

            <JoinRequestsToDecide />

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
                  <RouterLink to={`/kart?fylke=${county}&indikator=cold_spots`}>{t('coordinator.see_map')}</RouterLink>
                </Link>
              </Paragraph>
            </section>
          </div>
        );
      }}
    </RequireAuth>
  );
}
