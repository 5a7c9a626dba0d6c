import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Details, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useCounties, useMe, useMunicipalities, useProgress, useTargets } from '../api/hooks';
import type { IndicatorDetail, ProgressState, Target, TargetChange, TargetInput, TargetRetire } from '../api/types';
import { formatDateTime, formatNumber } from '../lib/format';
import { unitLabel } from '../lib/units';
import { countiesOf, isAdmin } from '../lib/roles';
import { DataTable } from './DataTable';
import { ErrorAlert } from './common';
import { fieldError, isFormError } from './forms';

export const PROGRESS_COLOR: Record<ProgressState, 'success' | 'warning' | 'neutral'> = {
  reached: 'success',
  on_track: 'success',
  behind: 'warning',
  unknown: 'neutral',
};

export function ProgressTag({ state }: { state: ProgressState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={PROGRESS_COLOR[state]} data-progress={state}>
      {t(`progress.${state}`)}
    </Tag>
  );
}

/** May the person set, change and retire a target on this area ("" for all areas)? */
export function maySet(me: ReturnType<typeof useMe>['data'], area: string | null): boolean {
  if (isAdmin(me)) return true;
  return area !== null && area !== '' && countiesOf(me).includes(area.slice(0, 2));
}

const invalidations = (id: string) => [['targets', id], ['progress', id], ['indicator', id], ['profile']];

/** The areas a person may choose: all areas (admins), their counties and those counties' municipalities. */
function useAreaChoices(ind: IndicatorDetail) {
  const { t } = useTranslation();
  const me = useMe();
  const counties = useCounties();
  const municipalities = useMunicipalities();
  return useMemo(() => {
    const out: { value: string; label: string }[] = [];
    if (isAdmin(me.data)) out.push({ value: 'all', label: t('targets.all_areas') });
    const mayCounty = (c: string) => isAdmin(me.data) || countiesOf(me.data).includes(c);
    if (ind.levels.includes('county')) {
      for (const c of counties.data?.items ?? []) if (mayCounty(c.number)) out.push({ value: c.number, label: c.name });
    }
    if (ind.levels.includes('municipality')) {
      for (const m of municipalities.data?.items ?? []) {
        if (m.kind === 'municipality' && m.county?.number && mayCounty(m.county.number)) out.push({ value: m.number, label: `${m.name} (${m.number})` });
      }
    }
    return out;
  }, [me.data, counties.data, municipalities.data, ind.levels, t]);
}

function SetTarget({ ind }: { ind: IndicatorDetail }) {
  const { t } = useTranslation();
  const choices = useAreaChoices(ind);
  const [form, setForm] = useState({ area: '', value: '', year: String(new Date().getFullYear() + 4), reason: '' });
  const set = useChange<TargetInput, Target>('POST', `${API}/indicators/${ind.id}/targets`, invalidations(ind.id));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const area = form.area || choices[0]?.value || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!form.value.trim() || Number.isNaN(Number(form.value.replace(',', '.')))) m.value = t('targets.value_missing');
    if (!form.reason.trim()) m.reason = t('targets.reason_missing');
    setMissing(m);
    if (Object.keys(m).length > 0) {
      document.getElementById(`target-${Object.keys(m)[0]}`)?.focus();
      return;
    }
    set.mutate(
      { area, value: Number(form.value.replace(',', '.')), year: Number(form.year), reason: form.reason.trim() },
      { onSuccess: () => setForm((f) => ({ ...f, value: '', reason: '' })) },
    );
  };
  const on = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const err = (p: string) => missing[p] ?? fieldError(set.error, p);
  if (choices.length === 0) return null;
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="set-target">
      <Heading level={3} data-size="xs" id="set-target">
        {t('targets.set')}
      </Heading>
      {isFormError(set.error, ['area', 'value', 'year', 'reason']) && <ErrorAlert error={set.error} />}
      {set.isSuccess && (
        <Paragraph role="status" data-size="sm">
          {t('targets.saved')}
        </Paragraph>
      )}
      <Field>
        <Label>{t('targets.area')}</Label>
        <Select id="target-area" value={area} onChange={on('area')} aria-invalid={!!fieldError(set.error, 'area')}>
          {choices.map((c) => (
            <Select.Option key={c.value} value={c.value}>
              {c.label}
            </Select.Option>
          ))}
        </Select>
        {fieldError(set.error, 'area') && <ValidationMessage>{fieldError(set.error, 'area')}</ValidationMessage>}
      </Field>
      <div className="grid-3">
        <Textfield
          id="target-value"
          label={t('targets.value', { unit: unitLabel(t, ind.unit) })}
          inputMode="decimal"
          value={form.value}
          onChange={on('value')}
          error={err('value')}
          required
        />
        <Textfield id="target-year" label={t('targets.year')} type="number" value={form.year} onChange={on('year')} error={err('year')} required />
      </div>
      <Textfield id="target-reason" label={t('targets.reason')} description={t('targets.reason_help')} value={form.reason} onChange={on('reason')} error={err('reason')} required />
      <Button type="submit" loading={set.isPending}>
        {t('targets.save')}
      </Button>
    </form>
  );
}

/** Change (a new value and year, with why) or retire (with why) one target, in place. */
function TargetActions({ ind, target }: { ind: IndicatorDetail; target: Target }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'none' | 'change' | 'retire'>('none');
  const [form, setForm] = useState({ value: String(target.value), year: String(target.year), reason: '' });
  const change = useChange<TargetChange, Target>('POST', `${API}/targets/${target.id}/change`, invalidations(ind.id));
  const retire = useChange<TargetRetire, Target>('POST', `${API}/targets/${target.id}/retire`, invalidations(ind.id));
  const on = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const [reasonMissing, setReasonMissing] = useState(false);
  const done = () => setMode('none');
  if (mode === 'none') {
    return (
      <div className="row">
        <Button variant="secondary" data-size="sm" onClick={() => setMode('change')}>
          {t('targets.change')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => setMode('retire')}>
          {t('targets.retire')}
        </Button>
      </div>
    );
  }
  const m = mode === 'change' ? change : retire;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReasonMissing(!form.reason.trim());
    if (!form.reason.trim()) return;
    if (mode === 'change') {
      change.mutate({ value: Number(form.value.replace(',', '.')), year: Number(form.year), reason: form.reason.trim() }, { onSuccess: done });
    } else {
      retire.mutate({ reason: form.reason.trim() }, { onSuccess: done });
    }
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t(mode === 'change' ? 'targets.change' : 'targets.retire')}>
      {isFormError(m.error, ['value', 'year', 'reason']) && <ErrorAlert error={m.error} />}
      {mode === 'change' && (
        <>
          <Textfield label={t('targets.value', { unit: unitLabel(t, ind.unit) })} inputMode="decimal" value={form.value} onChange={on('value')} error={fieldError(m.error, 'value')} />
          <Textfield label={t('targets.year')} type="number" value={form.year} onChange={on('year')} error={fieldError(m.error, 'year')} />
        </>
      )}
      <Textfield
        label={t(mode === 'change' ? 'targets.why_change' : 'targets.why_retire')}
        value={form.reason}
        onChange={on('reason')}
        error={reasonMissing ? t('targets.reason_missing') : fieldError(m.error, 'reason')}
        required
      />
      <div className="row">
        <Button type="submit" data-size="sm" loading={m.isPending}>
          {t(mode === 'change' ? 'targets.save_change' : 'targets.confirm_retire')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={done}>
          {t('targets.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The indicator's targets: the active ones with progress, who set them and why; their
 * history; and, for a coordinator or an admin, setting, changing and retiring them. */
export function TargetsSection({ ind, level }: { ind: IndicatorDetail; level: 'county' | 'municipality' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const me = useMe();
  const targets = useTargets(ind.id);
  const progress = useProgress(ind.id, level, ind.direction !== 'neutral');
  const counties = useCounties();
  const municipalities = useMunicipalities();
  const areaName = (t0: Target) => {
    if (t0.area === null) return t('targets.all_areas');
    const c = counties.data?.items.find((x) => x.number === t0.area);
    const m = municipalities.data?.items.find((x) => x.number === t0.area);
    return c?.name ?? m?.name ?? t0.area;
  };
  const progressOf = (t0: Target) => progress.data?.items.find((p) => p.target.id === t0.id && p.area.code === t0.area)?.progress;
  const reachedBy = (t0: Target) => {
    if (t0.area !== null) return null;
    const all = (progress.data?.items ?? []).filter((p) => p.target.id === t0.id);
    if (all.length === 0) return null;
    const ok = all.filter((p) => p.progress.state === 'reached' || p.progress.state === 'on_track').length;
    return t('targets.areas_on_track', { ok, all: all.length, level: t(`level.${level}_plural`).toLowerCase() });
  };
  if (ind.direction === 'neutral') return null;
  const list = targets.data?.items ?? [];
  const active = list.filter((x) => x.state === 'active');
  const ended = list.filter((x) => x.state !== 'active');
  const manager = isAdmin(me.data) || countiesOf(me.data).length > 0;
  const fmt = (v: number) => formatNumber(lang, v, ind.decimals);
  return (
    <section className="stack" aria-labelledby="targets-heading" data-testid="targets">
      <Heading level={2} data-size="sm" id="targets-heading">
        {t('targets.title')}
      </Heading>
      {targets.isError && <ErrorAlert error={targets.error} />}
      {active.length === 0 ? (
        <Paragraph>{t('targets.none')}</Paragraph>
      ) : (
        <DataTable<Target>
          caption={t('targets.caption')}
          rows={active}
          rowKey={(x) => x.id}
          columns={[
            { key: 'area', header: t('targets.area'), cell: areaName },
            { key: 'value', header: t('targets.value_short'), cell: (x) => t('targets.by_year', { value: fmt(x.value), year: x.year }), numeric: true },
            {
              key: 'progress',
              header: t('targets.progress'),
              cell: (x) => {
                const p = progressOf(x);
                return p ? <ProgressTag state={p.state} /> : (reachedBy(x) ?? '–');
              },
            },
            { key: 'who', header: t('targets.who'), cell: (x) => `${x.set_by}, ${formatDateTime(lang, x.created_at)}` },
            { key: 'why', header: t('targets.why'), cell: (x) => x.reason },
            ...(manager
              ? [{ key: 'act', header: t('targets.actions'), cell: (x: Target) => (maySet(me.data, x.area) ? <TargetActions ind={ind} target={x} /> : '') }]
              : []),
          ]}
        />
      )}
      {ended.length > 0 && (
        <Details>
          <Details.Summary>{t('targets.history', { count: ended.length })}</Details.Summary>
          <Details.Content>
            <ul className="target-history">
              {ended.map((x) => (
                <li key={x.id}>
                  {t('targets.ended_line', {
                    area: areaName(x),
                    value: fmt(x.value),
                    year: x.year,
                    by: x.set_by,
                    why: x.reason,
                  })}{' '}
                  {x.ended &&
                    t(x.state === 'changed' ? 'targets.changed_by' : 'targets.retired_by', {
                      by: x.ended.by,
                      when: formatDateTime(lang, x.ended.at),
                      why: x.ended.reason,
                    })}
                </li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      )}
      {manager && <SetTarget ind={ind} />}
    </section>
  );
}
