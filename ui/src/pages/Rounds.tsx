import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Button, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useCounties, useRounds } from '../api/hooks';
import type { Round, RoundInput, RoundState } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ErrorAlert, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { countiesOf, isAdmin, isCoordinator } from '../lib/roles';

const ROUND_COLOR: Record<RoundState, 'info' | 'warning' | 'success'> = { open: 'info', proposed: 'warning', accepted: 'success' };

export function RoundStateTag({ state }: { state: RoundState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={ROUND_COLOR[state] ?? 'neutral'} data-state={state} className="round-state-tag">
      {t(`rounds.state_${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** "Østfold" for "31", "Hele landet" for "NO". */
export function useRegionName() {
  const { t } = useTranslation();
  const counties = useCounties();
  return (region: string) => (region === 'NO' ? t('rounds.region_no') : (counties.data?.items.find((c) => c.number === region)?.name ?? region));
}

/** "1. desember 2026–31. mars 2027". */
export function usePeriodLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  return (p: { from: string; to: string }) => `${formatDate(lang, p.from)}–${formatDate(lang, p.to)}`;
}

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const FIELDS = ['region', 'from', 'to'];

function NewRound({ regions }: { regions: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regionName = useRegionName();
  const today = new Date();
  const later = new Date(today);
  later.setMonth(later.getMonth() + 3);
  const [form, setForm] = useState({ region: regions[0] ?? '', from: iso(today), to: iso(later) });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const create = useChange<RoundInput, Round>('POST', `${API}/rounds`, [['rounds']]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.target.value }));
    setMissing((m) => {
      const { [k]: _drop, ...rest } = m;
      return rest;
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!form.from) m.from = t('rounds.missing_from');
    if (!form.to) m.to = t('rounds.missing_to');
    else if (form.from && form.to < form.from) m.to = t('rounds.to_before_from');
    setMissing(m);
    if (Object.keys(m).length > 0) {
      document.getElementById(`round-${Object.keys(m)[0]}`)?.focus();
      return;
    }
    create.mutate(form, { onSuccess: (r) => navigate(`/min-side/koordinator/runder/${r.id}`) });
  };
  const err = (p: string) => missing[p] ?? fieldError(create.error, p);
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-round">
      <Heading level={2} data-size="md" id="new-round">
        {t('rounds.new')}
      </Heading>
      <Paragraph>{t('rounds.new_explain')}</Paragraph>
      {isFormError(create.error, FIELDS) && <ErrorAlert error={create.error} />}
      <Field>
        <Label>{t('rounds.region')}</Label>
        <Select id="round-region" value={form.region} onChange={set('region')} aria-invalid={!!err('region')}>
          {regions.map((r) => (
            <Select.Option key={r} value={r}>
              {regionName(r)}
            </Select.Option>
          ))}
        </Select>
        {err('region') && <ValidationMessage>{err('region')}</ValidationMessage>}
      </Field>
      <div className="grid-3">
        <Textfield id="round-from" label={t('rounds.from')} type="date" value={form.from} onChange={set('from')} error={err('from')} required />
        <Textfield id="round-to" label={t('rounds.to')} type="date" value={form.to} onChange={set('to')} error={err('to')} required />
      </div>
      <Button type="submit" loading={create.isPending}>
        {t('rounds.create')}
      </Button>
    </form>
  );
}

function RoundList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const rounds = useRounds();
  const regionName = useRegionName();
  const period = usePeriodLabel();
  return (
    <section className="stack" aria-labelledby="round-list">
      <Heading level={2} data-size="md" id="round-list">
        {t('rounds.list')}
      </Heading>
      <QueryState query={rounds}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('rounds.none')}</Paragraph>
          ) : (
            <DataTable<Round>
              caption={t('rounds.list')}
              hideCaption
              className="round-table"
              rows={list.items}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'round',
                  header: t('rounds.round'),
                  cell: (r) => (
                    <Link asChild>
                      <RouterLink to={`/min-side/koordinator/runder/${r.id}`}>{t('rounds.round_name', { region: regionName(r.region), period: period(r.period) })}</RouterLink>
                    </Link>
                  ),
                },
                { key: 'state', header: t('rounds.state'), cell: (r) => <RoundStateTag state={r.state} /> },
                {
                  key: 'served',
                  header: t('rounds.served'),
                  cell: (r) =>
                    r.summary?.optimal
                      ? t('gaps.of', { part: formatNumber(lang, r.summary.optimal.served, 0), whole: formatNumber(lang, r.summary.optimal.requests, 0) })
                      : '–',
                  numeric: true,
                },
                { key: 'created', header: t('rounds.created'), cell: (r) => formatDateTime(lang, r.created_at) },
              ]}
            />
          )
        }
      </QueryState>
    </section>
  );
}

export default function RoundsPage() {
  const { t } = useTranslation();
  usePageTitle(t('rounds.title'));
  const counties = useCounties();
  return (
    <RequireAuth>
      {(me) => {
        if (!isCoordinator(me)) return <Paragraph>{t('coordinator.no_role')}</Paragraph>;
        const regions = isAdmin(me) ? [...countiesOf(me), 'NO', ...(counties.data?.items ?? []).map((c) => c.number).filter((c) => !countiesOf(me).includes(c))] : countiesOf(me);
        return (
          <div className="stack-lg">
            <PageHeading lead={t('rounds.lead')}>{t('rounds.title')}</PageHeading>
            <Paragraph>
              <Link asChild>
                <RouterLink to="/min-side/koordinator">{t('rounds.back_dashboard')}</RouterLink>
              </Link>
            </Paragraph>
            <div className="narrow">{regions.length > 0 && <NewRound regions={regions} key={regions.join(',')} />}</div>
            <RoundList />
          </div>
        );
      }}
    </RequireAuth>
  );
}
