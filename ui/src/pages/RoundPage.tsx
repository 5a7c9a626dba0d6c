import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { API, ApiError, isNotFound } from '../api/client';
import { useChange, useRound } from '../api/hooks';
import type { Round, RoundAssignment, RoundTotals, RoundUnserved } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ErrorAlert, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { formatDateTime, formatNumber } from '../lib/format';
import { isCoordinator } from '../lib/roles';
import { RoundStateTag, usePeriodLabel, useRegionName } from './Rounds';
import { usePlaceName } from '../components/usePlaceName';

const km = (m: number) => m / 1000;

/** The optimum against first come, first served, on the same round. */
function Summary({ round }: { round: Round }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const s = round.summary;
  if (!s || !s.optimal || !s.first_come_first_served) return null;
  const n = (v: number) => formatNumber(lang, v, 0);
  const rows: { key: string; label: string; cell: (x: RoundTotals) => string }[] = [
    { key: 'served', label: t('rounds.sum_served'), cell: (x) => t('gaps.of', { part: n(x.served), whole: n(x.requests) }) },
    { key: 'low', label: t('rounds.sum_low'), cell: (x) => t('gaps.of', { part: n(x.served_low_engagement), whole: n(x.low_engagement) }) },
    { key: 'travel', label: t('rounds.sum_travel'), cell: (x) => t('rounds.km', { km: formatNumber(lang, km(x.travel_m), 1) }) },
    { key: 'equity', label: t('rounds.sum_equity'), cell: (x) => n(x.equity) },
    { key: 'fit', label: t('rounds.sum_fit'), cell: (x) => n(x.fit) },
  ];
  return (
    <section className="stack" aria-labelledby="round-summary">
      <Heading level={2} data-size="md" id="round-summary">
        {t('rounds.summary')}
      </Heading>
      <Paragraph>{t('rounds.summary_explain')}</Paragraph>
      <DataTable<(typeof rows)[number]>
        caption={t('rounds.summary')}
        hideCaption
        className="round-summary"
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { key: 'what', header: t('rounds.measure'), cell: (r) => r.label },
          { key: 'optimal', header: t('rounds.optimal'), cell: (r) => r.cell(s.optimal!), numeric: true },
          { key: 'fcfs', header: t('rounds.fcfs'), cell: (r) => r.cell(s.first_come_first_served!), numeric: true },
        ]}
      />
      <Paragraph data-size="sm">
        {t('rounds.solver_facts', {
          slots: n(s.slots ?? 0),
          arcs: n(s.arcs ?? 0),
          max: n(s.max_candidates ?? 0),
          seconds: formatNumber(lang, s.solve_seconds ?? 0, 3),
        })}
      </Paragraph>
    </section>
  );
}

function Assignments({ round }: { round: Round }) {
  const placeName = usePlaceName();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const n = (v: number) => formatNumber(lang, v, 0);
  return (
    <section className="stack" aria-labelledby="round-assignments">
      <Heading level={2} data-size="md" id="round-assignments">
        {t('rounds.assignments', { count: round.assignments.length })}
      </Heading>
      <Paragraph>{t('rounds.assignments_explain')}</Paragraph>
      {round.assignments.length === 0 ? (
        <Paragraph>{t('rounds.no_assignments')}</Paragraph>
      ) : (
        <DataTable<RoundAssignment>
          caption={t('rounds.assignments', { count: round.assignments.length })}
          hideCaption
          className="round-assignments"
          rows={round.assignments}
          rowKey={(a) => a.open_request}
          columns={[
            {
              key: 'school',
              header: t('rounds.school'),
              cell: (a) => (
                <>
                  <Link asChild>
                    <RouterLink to={`/apne-foresporsler/${a.open_request}`}>{a.school.name}</RouterLink>
                  </Link>
                  <br />
                  <span className="subtle">
                    {placeName(a.school.municipality)} · {t('grade.label', { grade: a.grade })} · {t('rounds.pupils', { count: a.pupils, n: n(a.pupils) })}
                  </span>
                </>
              ),
            },
            {
              key: 'offer',
              header: t('rounds.offer'),
              cell: (a) => (
                <>
                  <Link asChild>
                    <RouterLink to={`/tilbud/${a.offer.id}`}>{a.offer.title}</RouterLink>
                  </Link>
                  <br />
                  <span className="subtle">{a.provider.name}</span>
                </>
              ),
            },
            { key: 'when', header: t('rounds.when'), cell: (a) => formatDateTime(lang, a.slot.starts_at) },
            {
              key: 'fit',
              header: t('rounds.fit'),
              cell: (a) => (
                <>
                  {t('rounds.fit_total', { total: n(a.fit.total) })}
                  <br />
                  <span className="subtle">{t('rounds.fit_parts', { subject: n(a.fit.subject), week: n(a.fit.week), grade: n(a.fit.grade) })}</span>
                </>
              ),
            },
            { key: 'distance', header: t('rounds.distance'), cell: (a) => t('rounds.km', { km: formatNumber(lang, km(a.distance_m), 1) }), numeric: true },
            { key: 'equity', header: t('rounds.equity'), cell: (a) => n(a.equity), numeric: true },
            {
              key: 'request',
              header: t('rounds.request'),
              cell: (a) =>
                a.request_id ? (
                  <Link asChild>
                    <RouterLink to={`/foresporsel/${a.request_id}`}>{t('rounds.see_request')}</RouterLink>
                  </Link>
                ) : (
                  t('rounds.not_sent')
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

function Unserved({ round }: { round: Round }) {
  const placeName = usePlaceName();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const n = (v: number) => formatNumber(lang, v, 0);
  if (round.unserved.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="round-unserved">
      <Heading level={2} data-size="md" id="round-unserved">
        {t('rounds.unserved', { count: round.unserved.length })}
      </Heading>
      <DataTable<RoundUnserved>
        caption={t('rounds.unserved', { count: round.unserved.length })}
        hideCaption
        className="round-unserved"
        rows={round.unserved}
        rowKey={(u) => u.open_request}
        columns={[
          {
            key: 'school',
            header: t('rounds.school'),
            cell: (u) => (
              <>
                <Link asChild>
                  <RouterLink to={`/apne-foresporsler/${u.open_request}`}>{u.school.name}</RouterLink>
                </Link>
                <br />
                <span className="subtle">
                  {placeName(u.school.municipality)} · {t('grade.label', { grade: u.grade })} · {t('rounds.pupils', { count: u.pupils, n: n(u.pupils) })}
                </span>
              </>
            ),
          },
          { key: 'reason', header: t('rounds.reason'), cell: (u) => t(`rounds.reason_${u.reason}`, { defaultValue: u.reason }) },
          { key: 'equity', header: t('rounds.equity'), cell: (u) => n(u.equity), numeric: true },
        ]}
      />
    </section>
  );
}

/** Solve (again) and accept, with a confirmation before anything is sent. */
function Actions({ round }: { round: Round }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const keys = [['rounds'], ['round', round.id]];
  const solve = useChange<undefined, Round>('POST', `${API}/rounds/${round.id}/solve`, keys);
  const accept = useChange<undefined, Round>('POST', `${API}/rounds/${round.id}/accept`, [...keys, ['requests'], ['open-requests']]);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const put = (r: Round) => qc.setQueryData(['round', round.id], r);
  const providers = new Set(round.assignments.map((a) => a.provider.id)).size;
  const stale = accept.error instanceof ApiError && accept.error.status === 409;
  const doSolve = () => {
    accept.reset();
    setConfirming(false);
    solve.mutate(undefined, { onSuccess: put });
  };

  if (round.state === 'accepted') {
    return (
      <Alert data-color="success" role="status">
        <Paragraph>{t('rounds.accepted_note', { count: round.assignments.length })}</Paragraph>
      </Alert>
    );
  }
  if (round.state === 'open') {
    return (
      <div className="stack">
        <Paragraph>{t('rounds.not_solved')}</Paragraph>
        {solve.isError && <ErrorAlert error={solve.error} />}
        <Button onClick={doSolve} loading={solve.isPending}>
          {t('rounds.solve')}
        </Button>
      </div>
    );
  }
  return (
    <section className="stack" aria-labelledby="round-actions">
      <Heading level={2} data-size="md" id="round-actions">
        {t('rounds.next')}
      </Heading>
      <Paragraph>{t('rounds.next_explain')}</Paragraph>
      {solve.isError && <ErrorAlert error={solve.error} />}
      {accept.isError && (
        <ErrorAlert error={accept.error} title={stale ? t('rounds.stale_title') : undefined} />
      )}
      {stale && <Paragraph>{t('rounds.stale_hint')}</Paragraph>}
      {confirming ? (
        <Alert data-color="warning" className="stack">
          <Heading level={3} data-size="xs" ref={confirmRef} tabIndex={-1} id="confirm-heading">
            {t('rounds.confirm_title')}
          </Heading>
          <Paragraph>{t('rounds.confirm_text', { count: round.assignments.length, providers })}</Paragraph>
          <div className="row">
            <Button
              data-color="accent"
              loading={accept.isPending}
              onClick={() =>
                accept.mutate(undefined, {
                  onSuccess: (r) => {
                    put(r);
                    setConfirming(false);
                  },
                  onError: () => setConfirming(false),
                })
              }
            >
              {t('rounds.confirm_yes')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(false);
                sendRef.current?.focus();
              }}
            >
              {t('rounds.confirm_no')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <div className="row">
        <Button variant="secondary" onClick={doSolve} loading={solve.isPending}>
          {t('rounds.solve_again')}
        </Button>
        <Button ref={sendRef} onClick={() => setConfirming(true)} disabled={round.assignments.length === 0 || confirming} aria-expanded={confirming}>
          {t('rounds.send')}
        </Button>
      </div>
    </section>
  );
}

export default function RoundPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const round = useRound(id);
  const regionName = useRegionName();
  const period = usePeriodLabel();
  const name = round.data ? t('rounds.round_name', { region: regionName(round.data.region), period: period(round.data.period) }) : undefined;
  usePageTitle(name ?? t('rounds.round'));
  return (
    <RequireAuth>
      {(me) =>
        !isCoordinator(me) ? (
          <Paragraph>{t('coordinator.no_role')}</Paragraph>
        ) : round.isError && isNotFound(round.error) ? (
          <Paragraph>{t('rounds.not_found')}</Paragraph>
        ) : (
          <QueryState query={round}>
            {(r) => (
              <div className="stack-lg">
                <PageHeading
                  lead={
                    <>
                      <RoundStateTag state={r.state} />{' '}
                      {r.accepted_at
                        ? t('rounds.accepted_at', { when: formatDateTime(lang, r.accepted_at) })
                        : r.solved_at
                          ? t('rounds.solved_at', { when: formatDateTime(lang, r.solved_at) })
                          : t('rounds.created_at', { when: formatDateTime(lang, r.created_at) })}
                    </>
                  }
                >
                  {name}
                </PageHeading>
                <Paragraph>
                  <Link asChild>
                    <RouterLink to="/min-side/koordinator/runder">{t('rounds.back')}</RouterLink>
                  </Link>
                </Paragraph>
                <Summary round={r} />
                {r.state !== 'open' && <Assignments round={r} />}
                <Unserved round={r} />
                <Actions round={r} />
              </div>
            )}
          </QueryState>
        )
      }
    </RequireAuth>
  );
}
