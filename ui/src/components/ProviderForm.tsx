import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMunicipalities } from '../api/hooks';
import type { Organisation, OrganisationInput, OrgKind } from '../api/types';
import { municipalityOptions } from '../lib/places';
import { ErrorAlert } from './common';
import { fieldError, isFormError } from './forms';

export const KINDS: OrgKind[] = ['company', 'higher_education', 'science_centre', 'municipality', 'volunteer'];
const SECTORS = ['energy', 'manufacturing', 'ict', 'construction', 'health', 'oil_and_gas', 'aquaculture', 'transport', 'public_sector', 'research', 'finance', 'other'] as const;
const RECRUITS = ['jobs', 'apprenticeships', 'summer_jobs', 'studies'] as const;
type Recruit = (typeof RECRUITS)[number];

interface FormState {
  kind: OrgKind;
  name: string;
  orgnr: string;
  field: string;
  affiliation: string;
  municipality: string;
  sector: string;
  profile: string;
  website: string;
  recruits_for: Recruit[];
  contact_name: string;
  contact_title: string;
  contact_email: string;
  contact_phone: string;
}

function initial(org?: Organisation): FormState {
  return {
    kind: org?.kind ?? 'company',
    name: org?.name ?? '',
    orgnr: org?.orgnr ?? '',
    field: org?.field ?? '',
    affiliation: org?.affiliation ?? '',
    municipality: org?.municipality ?? '',
    sector: org?.sector ?? '',
    profile: org?.profile ?? '',
    website: org?.website ?? '',
    recruits_for: [...new Set(org?.recruits_for ?? [])],
    contact_name: org?.contact.name ?? '',
    contact_title: org?.contact.title ?? '',
    contact_email: org?.contact.email ?? '',
    contact_phone: org?.contact.phone ?? '',
  };
}

/** What the form sends: an empty text is left out when registering, and cleared (null) when editing. */
function toBody(f: FormState, editing: boolean): OrganisationInput {
  const text = (v: string) => (v.trim() ? v.trim() : editing ? null : undefined);
  const role = f.kind === 'volunteer';
  const body: Record<string, unknown> = {
    name: f.name.trim(),
    municipality: f.municipality || undefined,
    sector: text(f.sector),
    profile: f.profile,
    website: text(f.website),
    recruits_for: f.recruits_for,
    contact: { name: text(f.contact_name), title: text(f.contact_title), email: text(f.contact_email), phone: text(f.contact_phone) },
  };
  if (role) {
    body.field = f.field.trim() || undefined;
    body.affiliation = f.affiliation.trim() || undefined;
  }
  if (!editing) {
    body.kind = f.kind;
    if (!role) body.orgnr = f.orgnr.trim();
  }
  return body as OrganisationInput;
}

/** The members the form shows at a field; a fault at any other goes above the form. */
const FIELDS = ['kind', 'name', 'orgnr', 'field', 'affiliation', 'municipality', 'sector', 'profile', 'website', 'recruits_for', 'contact'];

/**
 * A provider's profile: who they are (a role model: their field and where they work or study),
 * where, what they recruit for, and whom teachers write to. Registers a new provider (`org`
 * absent) or changes one.
 */
export function ProviderForm({
  org,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  org?: Organisation;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: OrganisationInput) => void;
}) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<FormState>(() => initial(org));
  const editing = !!org;
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const err = (...names: string[]) => fieldError(error, ...names);
  const role = form.kind === 'volunteer';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toBody(form, editing));
  };
  const options = municipalityOptions(municipalities.data?.items ?? []);
  return (
    <form onSubmit={submit} className="form" noValidate>
      {isFormError(error, FIELDS) && <ErrorAlert error={error} />}
      {!editing && (
        <Field>
          <Label>{t('org.kind')}</Label>
          <Select value={form.kind} onChange={(e) => setForm((f) => ({ ...f, kind: KINDS.find((k) => k === e.target.value) ?? f.kind }))} aria-invalid={!!err('kind')}>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`org.kind_${k}`)}
              </Select.Option>
            ))}
          </Select>
          {role && <Paragraph data-size="sm">{t('org.role_model_help')}</Paragraph>}
          {err('kind') && <ValidationMessage>{err('kind')}</ValidationMessage>}
        </Field>
      )}
      <Textfield label={role ? t('org.person_name') : t('org.name')} value={form.name} onChange={set('name')} error={err('name')} required autoComplete={role ? 'name' : 'organization'} />
      {!editing && !role && (
        <Textfield label={t('org.orgnr')} inputMode="numeric" description={t('org.orgnr_hint')} value={form.orgnr} onChange={set('orgnr')} error={err('orgnr')} required />
      )}
      {role && (
        <>
          <Textfield label={t('org.field')} description={t('org.field_help')} value={form.field} onChange={set('field')} error={err('field')} required />
          <Textfield label={t('org.affiliation')} description={t('org.affiliation_help')} value={form.affiliation} onChange={set('affiliation')} error={err('affiliation')} required />
        </>
      )}
      <Field>
        <Label>{t('org.municipality')}</Label>
        <Select value={form.municipality} onChange={set('municipality')} aria-invalid={!!err('municipality')}>
          <Select.Option value="">{t('org.choose_municipality')}</Select.Option>
          {options.map((m) => (
            <Select.Option key={m.value} value={m.value}>
              {m.label}
            </Select.Option>
          ))}
        </Select>
        {err('municipality') && <ValidationMessage>{err('municipality')}</ValidationMessage>}
      </Field>
      {!role && (
        <Field>
          <Label>{t('org.sector')}</Label>
          <Select value={form.sector} onChange={set('sector')} aria-invalid={!!err('sector')}>
            <Select.Option value="">{t('org.no_sector')}</Select.Option>
            {SECTORS.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`providerpage.sector_${s}`)}
              </Select.Option>
            ))}
          </Select>
          {err('sector') && <ValidationMessage>{err('sector')}</ValidationMessage>}
        </Field>
      )}
      <Textfield label={role ? t('org.profile_person') : t('org.profile')} multiline rows={4} value={form.profile} onChange={set('profile')} error={err('profile')} />
      <Textfield label={t('org.website')} type="url" inputMode="url" description={t('org.website_help')} value={form.website} onChange={set('website')} error={err('website')} autoComplete="url" />
      <Fieldset>
        <Fieldset.Legend>{t('org.recruits_for')}</Fieldset.Legend>
        <Fieldset.Description>{t('org.recruits_for_help')}</Fieldset.Description>
        <div className="checkbox-grid">
          {RECRUITS.map((r) => (
            <Checkbox
              key={r}
              label={t(`providerpage.recruits_${r}`)}
              value={r}
              checked={form.recruits_for.includes(r)}
              onChange={(e) => setForm((f) => ({ ...f, recruits_for: e.target.checked ? [...f.recruits_for, r] : f.recruits_for.filter((x) => x !== r) }))}
            />
          ))}
        </div>
        {err('recruits_for') && <ValidationMessage>{err('recruits_for')}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>
          <Heading level={3} data-size="2xs">
            {t('org.contact')}
          </Heading>
        </Fieldset.Legend>
        <Fieldset.Description>{t('org.contact_help')}</Fieldset.Description>
        <div className="grid-2">
          <Textfield label={t('org.contact_name')} value={form.contact_name} onChange={set('contact_name')} error={err('contact.name')} autoComplete="name" />
          <Textfield label={t('org.contact_title')} value={form.contact_title} onChange={set('contact_title')} error={err('contact.title')} />
          <Textfield label={t('org.contact_email')} type="email" value={form.contact_email} onChange={set('contact_email')} error={err('contact.email')} autoComplete="email" />
          <Textfield label={t('org.contact_phone')} type="tel" value={form.contact_phone} onChange={set('contact_phone')} error={err('contact.phone')} autoComplete="tel" />
        </div>
      </Fieldset>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
