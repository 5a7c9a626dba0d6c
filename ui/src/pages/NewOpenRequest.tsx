import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useSchool } from '../api/hooks';
import { FORMATS, SUBJECTS, type OfferFormat, type OpenRequest, type OpenRequestInput, type Subject } from '../api/types';
import { ErrorAlert, PageHeading, RequireAuth, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';
import { useWeekLabel } from '../components/OpenRequestList';
import { weeksAhead } from '../lib/format';
import { schoolsOf } from '../lib/roles';
import { usePlaceName } from '../components/usePlaceName';

const FIELDS = ['school', 'grade', 'pupils', 'subjects', 'formats', 'digital_ok', 'weeks', 'note'];
const WEEKS_AHEAD = 60;

function SchoolOption({ orgnr }: { orgnr: string }) {
  const placeName = usePlaceName();
  const s = useSchool(orgnr);
  return <option value={orgnr}>{s.data ? `${s.data.name} (${placeName(s.data.municipality)})` : orgnr}</option>;
}

function Form({ schools }: { schools: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const weekLabel = useWeekLabel();
  // from next week on; the default is a fortnight starting in four weeks
  const weeks = useMemo(() => weeksAhead(new Date(Date.now() + 7 * 86400000), WEEKS_AHEAD), []);
  const [form, setForm] = useState({
    school: schools[0] ?? '',
    grade: '8',
    pupils: '',
    subjects: [] as Subject[],
    formats: [] as OfferFormat[],
    digital_ok: true,
    from: weeks[3],
    to: weeks[4],
    note: '',
  });
  const create = useChange<OpenRequestInput, OpenRequest>('POST', `${API}/open-requests`, [['open-requests']]);

  const from = weeks.indexOf(form.from);
  const to = weeks.indexOf(form.to);
  const chosen = weeks.slice(Math.min(from, to), Math.max(from, to) + 1);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fixed = (k: string) => setMissing((m) => (k in m ? Object.fromEntries(Object.entries(m).filter(([x]) => x !== k)) : m));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    fixed(k);
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };
  const toggle = <K extends 'subjects' | 'formats'>(k: K, v: (typeof form)[K][number], on: boolean) => {
    fixed(k);
    setForm((f) => ({ ...f, [k]: on ? [...f[k], v] : f[k].filter((x) => x !== v) }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // what the server would refuse anyway, said in the reader's language before sending
    const m: Record<string, string> = {};
    if (form.pupils === '') m.pupils = t('open.missing_pupils');
    if (form.subjects.length === 0) m.subjects = t('open.missing_subjects');
    if (form.note.trim() === '') m.note = t('open.missing_note');
    setMissing(m);
    if (Object.keys(m).length > 0) {
      document.getElementById(`field-${Object.keys(m)[0]}`)?.focus();
      return;
    }
    create.mutate(
      {
        school: form.school,
        grade: Number(form.grade),
        pupils: Number(form.pupils), // not '': checked above
        subjects: form.subjects,
        formats: form.formats,
        digital_ok: form.digital_ok,
        weeks: chosen,
        note: form.note,
      },
      { onSuccess: (r) => navigate(`/apne-foresporsler/${r.id}`, { state: { created: true } }) },
    );
  };
  const err = (p: string) => missing[p] ?? fieldError(create.error, p);
  return (
    <form onSubmit={submit} className="form" noValidate>
      {create.isError && isNotFound(create.error) ? (
        <Alert data-color="info">
          <Paragraph>{t('open.not_available')}</Paragraph>
        </Alert>
      ) : (
        isFormError(create.error, FIELDS) && <ErrorAlert error={create.error} />
      )}
      {(
        <Field>
          <Label>{t('request.school')}</Label>
          <Select value={form.school} onChange={set('school')} aria-invalid={!!err('school')}>
            {schools.map((s) => (
              <SchoolOption key={s} orgnr={s} />
            ))}
          </Select>
          {err('school') && <ValidationMessage>{err('school')}</ValidationMessage>}
        </Field>
      )}
      <div className="grid-3">
        <Field>
          <Label>{t('request.grade')}</Label>
          <Select value={form.grade} onChange={set('grade')} aria-invalid={!!err('grade')}>
            {Array.from({ length: 13 }, (_, i) => i + 1).map((g) => (
              <Select.Option key={g} value={String(g)}>
                {t('grade.label', { grade: g })}
              </Select.Option>
            ))}
          </Select>
          {err('grade') && <ValidationMessage>{err('grade')}</ValidationMessage>}
        </Field>
        <Textfield id="field-pupils" label={t('request.pupils')} type="number" inputMode="numeric" min={1} max={1000} value={form.pupils} onChange={set('pupils')} error={err('pupils')} required />
      </div>
      <Fieldset aria-invalid={!!err('subjects')}>
        <Fieldset.Legend>{t('open.subjects')}</Fieldset.Legend>
        <Fieldset.Description>{t('open.subjects_hint')}</Fieldset.Description>
        <div className="checkbox-grid">
          {SUBJECTS.map((s, i) => (
            <Checkbox key={s} id={i === 0 ? 'field-subjects' : undefined} label={t(`subject.${s}`)} value={s} checked={form.subjects.includes(s)} onChange={(e) => toggle('subjects', s, e.target.checked)} />
          ))}
        </div>
        {err('subjects') && <ValidationMessage>{err('subjects')}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('open.formats')}</Fieldset.Legend>
        <Fieldset.Description>{t('open.formats_hint')}</Fieldset.Description>
        <div className="checkbox-grid">
          {FORMATS.map((f) => (
            <Checkbox key={f} label={t(`format.${f}`)} value={f} checked={form.formats.includes(f)} onChange={(e) => toggle('formats', f, e.target.checked)} />
          ))}
        </div>
        {err('formats') && <ValidationMessage>{err('formats')}</ValidationMessage>}
      </Fieldset>
      <Checkbox label={t('open.digital_ok')} checked={form.digital_ok} onChange={(e) => setForm((f) => ({ ...f, digital_ok: e.target.checked }))} error={err('digital_ok')} />
      <Fieldset>
        <Fieldset.Legend>{t('open.weeks')}</Fieldset.Legend>
        <Fieldset.Description>{t('open.weeks_hint')}</Fieldset.Description>
        <div className="stack">
          <Field>
            <Label>{t('open.week_from')}</Label>
            <Select value={form.from} onChange={set('from')} aria-invalid={!!err('weeks')}>
              {weeks.map((w) => (
                <Select.Option key={w} value={w}>
                  {weekLabel(w)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('open.week_to')}</Label>
            <Select value={form.to} onChange={set('to')} aria-invalid={!!err('weeks')}>
              {weeks.map((w) => (
                <Select.Option key={w} value={w}>
                  {weekLabel(w)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <Paragraph data-size="sm" aria-live="polite">
          {t('open.weeks_chosen', { count: chosen.length })}
        </Paragraph>
        {err('weeks') && <ValidationMessage>{err('weeks')}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id="field-note"
        label={t('open.note')}
        description={t('open.note_hint')}
        multiline
        rows={4}
        value={form.note}
        onChange={set('note')}
        error={err('note')}
        required
      />
      <Button type="submit" loading={create.isPending}>
        {t('open.send')}
      </Button>
    </form>
  );
}

export default function NewOpenRequestPage() {
  const { t } = useTranslation();
  usePageTitle(t('open.new'));
  return (
    <RequireAuth>
      {(me) => (
        <div className="stack-lg narrow">
          <PageHeading lead={t('open.new_lead')}>{t('open.new')}</PageHeading>
          {schoolsOf(me).length === 0 ? <Paragraph>{t('open.teachers_only')}</Paragraph> : <Form schools={schoolsOf(me)} />}
        </div>
      )}
    </RequireAuth>
  );
}
