import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useSchool } from '../api/hooks';
import { FORMATS, SUBJECTS, type OpenRequest } from '../api/types';
import { ErrorAlert, PageHeading, RequireAuth, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';
import { isoWeek } from '../lib/format';
import { schoolsOf } from '../lib/roles';

const FIELDS = ['school', 'grade', 'pupils', 'subjects', 'formats', 'weeks', 'note'];

function SchoolOption({ orgnr }: { orgnr: string }) {
  const s = useSchool(orgnr);
  return <option value={orgnr}>{s.data?.name ?? orgnr}</option>;
}

function Form({ schools }: { schools: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    school: schools[0] ?? '',
    grade: '8',
    pupils: '',
    subjects: [] as string[],
    formats: [] as string[],
    digital_ok: true,
    weeks: '',
    note: '',
  });
  const create = useChange<Record<string, unknown>, OpenRequest>('POST', `${API}/open-requests`, [['open-requests']]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const toggle = (k: 'subjects' | 'formats', v: string, on: boolean) =>
    setForm((f) => ({ ...f, [k]: on ? [...f[k], v] : f[k].filter((x) => x !== v) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        school: form.school,
        grade: Number(form.grade),
        pupils: form.pupils === '' ? undefined : Number(form.pupils),
        subjects: form.subjects,
        formats: form.formats,
        digital_ok: form.digital_ok,
        weeks: form.weeks
          .split(/[\s,]+/)
          .map((w) => w.trim())
          .filter(Boolean),
        note: form.note,
      },
      { onSuccess: (r) => navigate(`/apne-foresporsler/${r.id}`) },
    );
  };
  return (
    <form onSubmit={submit} className="form" noValidate>
      {create.isError && isNotFound(create.error) ? (
        <Alert data-color="info">
          <Paragraph>{t('open.not_available')}</Paragraph>
        </Alert>
      ) : (
        isFormError(create.error, FIELDS) && <ErrorAlert error={create.error} />
      )}
      <Field>
        <Label>{t('request.school')}</Label>
        <Select value={form.school} onChange={set('school')}>
          {schools.map((s) => (
            <SchoolOption key={s} orgnr={s} />
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('request.grade')}</Label>
        <Select value={form.grade} onChange={set('grade')}>
          {Array.from({ length: 13 }, (_, i) => i + 1).map((g) => (
            <Select.Option key={g} value={String(g)}>
              {t('grade.label', { grade: g })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield label={t('request.pupils')} type="number" min={1} max={1000} value={form.pupils} onChange={set('pupils')} error={fieldError(create.error, 'pupils')} />
      <Fieldset>
        <Fieldset.Legend>{t('offer.subjects')}</Fieldset.Legend>
        <div className="checkbox-grid">
          {SUBJECTS.map((s) => (
            <Checkbox key={s} label={t(`subject.${s}`)} value={s} checked={form.subjects.includes(s)} onChange={(e) => toggle('subjects', s, e.target.checked)} />
          ))}
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('open.formats')}</Fieldset.Legend>
        <div className="checkbox-grid">
          {FORMATS.map((f) => (
            <Checkbox key={f} label={t(`format.${f}`)} value={f} checked={form.formats.includes(f)} onChange={(e) => toggle('formats', f, e.target.checked)} />
          ))}
        </div>
      </Fieldset>
      <Checkbox label={t('open.digital_ok')} checked={form.digital_ok} onChange={(e) => setForm((f) => ({ ...f, digital_ok: e.target.checked }))} />
      <Textfield
        label={t('open.weeks')}
        description={t('open.weeks_hint', { example: isoWeek(new Date(Date.now() + 60 * 86400000)) })}
        value={form.weeks}
        onChange={set('weeks')}
        error={fieldError(create.error, 'weeks')}
      />
      <Textfield label={t('open.note')} multiline rows={4} value={form.note} onChange={set('note')} error={fieldError(create.error, 'note')} />
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
          {schoolsOf(me).length === 0 ? <Paragraph>{t('request.teachers_only')}</Paragraph> : <Form schools={schoolsOf(me)} />}
        </div>
      )}
    </RequireAuth>
  );
}
