import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Button, Card, Details, Field, Heading, Label, Link, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useMunicipalities } from '../api/hooks';
import type { Organisation, OrganisationInput, OrgKind } from '../api/types';
import { ErrorAlert, PageHeading, RequireAuth, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';
import { countiesOf, isAdmin, isProvider, isTeacher } from '../lib/roles';

const KINDS: OrgKind[] = ['company', 'higher_education', 'science_centre', 'municipality', 'volunteer'];
/** The members shown at a field (a volunteer has no orgnr field); any other fault goes above the form. */
const orgFields = (kind: OrgKind) => ['kind', 'name', ...(kind === 'volunteer' ? [] : ['orgnr']), 'municipality', 'profile'];

function RegisterProvider() {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState({ kind: 'company' as OrgKind, name: '', orgnr: '', municipality: '', profile: '' });
  const register = useChange<OrganisationInput, Organisation>('POST', `${API}/organisations`, [['me'], ['organisations']]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({ ...form, orgnr: form.kind === 'volunteer' ? undefined : form.orgnr });
  };
  const sorted = [...(municipalities.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  if (register.isSuccess)
    return <Paragraph role="status">{t('dashboard.registered', { name: register.data.name })}</Paragraph>;
  return (
    <form onSubmit={submit} className="form" noValidate>
      {isFormError(register.error, orgFields(form.kind)) && <ErrorAlert error={register.error} />}
      <Field>
        <Label>{t('org.kind')}</Label>
        <Select value={form.kind} onChange={set('kind')} aria-invalid={!!fieldError(register.error, 'kind')}>
          {KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`org.kind_${k}`)}
            </Select.Option>
          ))}
        </Select>
        {fieldError(register.error, 'kind') && <ValidationMessage>{fieldError(register.error, 'kind')}</ValidationMessage>}
      </Field>
      <Textfield label={t('org.name')} value={form.name} onChange={set('name')} error={fieldError(register.error, 'name')} required />
      {form.kind !== 'volunteer' && (
        <Textfield
          label={t('org.orgnr')}
          inputMode="numeric"
          description={t('org.orgnr_hint')}
          value={form.orgnr}
          onChange={set('orgnr')}
          error={fieldError(register.error, 'orgnr')}
          required
        />
      )}
      <Field>
        <Label>{t('org.municipality')}</Label>
        <Select value={form.municipality} onChange={set('municipality')} aria-invalid={!!fieldError(register.error, 'municipality')}>
          <Select.Option value="">{t('org.choose_municipality')}</Select.Option>
          {sorted.map((m) => (
            <Select.Option key={m.number} value={m.number}>
              {m.name}
            </Select.Option>
          ))}
        </Select>
        {fieldError(register.error, 'municipality') && <Paragraph data-color="danger">{fieldError(register.error, 'municipality')}</Paragraph>}
      </Field>
      <Textfield label={t('org.profile')} multiline rows={3} value={form.profile} onChange={set('profile')} error={fieldError(register.error, 'profile')} />
      <Button type="submit" loading={register.isPending}>
        {t('org.register')}
      </Button>
    </form>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  return (
    <RequireAuth>
      {(me) => {
        const cards = [
          isTeacher(me) && { to: '/min-side/laerer', title: t('dashboard.teacher'), text: t('dashboard.teacher_text') },
          isProvider(me) && { to: '/min-side/tilbyder', title: t('dashboard.provider'), text: t('dashboard.provider_text') },
          (countiesOf(me).length > 0 || isAdmin(me)) && {
            to: '/min-side/koordinator',
            title: t('dashboard.coordinator'),
            text: t('dashboard.coordinator_text'),
          },
          { to: '/min-side/varsler', title: t('settings.title'), text: t('settings.card') },
        ].filter(Boolean) as { to: string; title: string; text: string }[];
        return (
          <div className="stack-lg">
            <PageHeading lead={t('dashboard.lead', { name: me.name })}>{t('dashboard.title')}</PageHeading>
            <div className="cards">
              {cards.map((c) => (
                <Card key={c.to} data-color="neutral">
                  <Heading level={2} data-size="sm">
                    <Link asChild>
                      <RouterLink to={c.to}>{c.title}</RouterLink>
                    </Link>
                  </Heading>
                  <Paragraph>{c.text}</Paragraph>
                </Card>
              ))}
            </div>
            {!isTeacher(me) && !isProvider(me) && countiesOf(me).length === 0 && !isAdmin(me) && (
              <Paragraph>{t('dashboard.no_roles')}</Paragraph>
            )}
            <Details>
              <Details.Summary>{t('dashboard.register_provider')}</Details.Summary>
              <Details.Content>
                <Paragraph>{t('dashboard.register_text')}</Paragraph>
                <RegisterProvider />
              </Details.Content>
            </Details>
          </div>
        );
      }}
    </RequireAuth>
  );
}
