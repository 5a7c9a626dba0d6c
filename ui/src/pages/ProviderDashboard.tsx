import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Details,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useImpact, useOrganisation, useProviderOffers, useRequests } from '../api/hooks';
import { FORMATS, SUBJECTS, type ImpactYear, type Offer, type OfferFormat, type OfferInput, type Organisation, type Slot, type SlotInput, type Subject } from '../api/types';
import { ChartFigure } from '../components/ChartFigure';
import { DataTable } from '../components/DataTable';
import { OpenRequestCards } from '../components/OpenRequestList';
import { RequestTable } from '../components/RequestTable';
import { ErrorAlert, Loading, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';
import { formatNumber } from '../lib/format';
import { providersOf } from '../lib/roles';

const STATUS_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

function AddSlot({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ starts_at: '', ends_at: '', capacity: '1' });
  const add = useChange<SlotInput, Slot>('POST', `${API}/offers/${offer.id}/slots`, [['slots', offer.id], ['offers']]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ ...form, capacity: Number(form.capacity) }, { onSuccess: () => setForm({ starts_at: '', ends_at: '', capacity: '1' }) });
      }}
    >
      {isFormError(add.error, ['starts_at', 'ends_at', 'capacity']) && <ErrorAlert error={add.error} />}
      <div className="grid-3">
        <Textfield label={t('slot.starts')} type="datetime-local" value={form.starts_at} onChange={set('starts_at')} error={fieldError(add.error, 'starts_at')} />
        <Textfield label={t('slot.ends')} type="datetime-local" value={form.ends_at} onChange={set('ends_at')} error={fieldError(add.error, 'ends_at')} />
        <Textfield label={t('slot.capacity')} type="number" min={1} max={100} value={form.capacity} onChange={set('capacity')} error={fieldError(add.error, 'capacity')} />
      </div>
      <Button type="submit" variant="secondary" loading={add.isPending}>
        {t('slot.add')}
      </Button>
      {add.isSuccess && <Paragraph role="status">{t('slot.added')}</Paragraph>}
    </form>
  );
}

// the members shown at a field; a fault at any other (the municipality comes from the organisation) goes above the form
const OFFER_FIELDS = ['title', 'description', 'format', 'subjects', 'grades', 'capacity', 'travel_radius_km', 'duration_minutes', 'cost_nok'];

function NewOffer({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    title: '',
    description: '',
    format: 'workplace_visit' as OfferFormat,
    subjects: [] as Subject[],
    min: '8',
    max: '10',
    digital: false,
    travel_radius_km: '30',
    duration_minutes: '90',
    capacity: '30',
    cost_nok: '0',
  });
  const create = useChange<OfferInput, Offer>('POST', `${API}/offers`, []);
  const publish = useChange<undefined, Offer>('POST', () => `${API}/offers/${create.data?.id}/publish`, [['offers']]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      organisation_id: org.id,
      title: form.title,
      description: form.description,
      format: form.format,
      subjects: form.subjects,
      grades: { min: Number(form.min), max: Number(form.max) },
      digital: form.digital,
      municipality: form.digital ? undefined : org.municipality,
      travel_radius_km: Number(form.travel_radius_km),
      duration_minutes: Number(form.duration_minutes),
      capacity: Number(form.capacity),
      cost_nok: Number(form.cost_nok),
    });
  };
  if (create.isSuccess)
    return (
      <div className="stack">
        <Alert data-color="success" role="status">
          <Paragraph>{t('provider.draft_made', { title: create.data.title })}</Paragraph>
        </Alert>
        {publish.isError && <ErrorAlert error={publish.error} />}
        {publish.isSuccess ? (
          <Paragraph role="status">
            {t('provider.published')}{' '}
            <Link asChild>
              <RouterLink to={`/tilbud/${create.data.id}`}>{create.data.title}</RouterLink>
            </Link>
          </Paragraph>
        ) : (
          <div>
            <Button onClick={() => publish.mutate(undefined)} loading={publish.isPending}>
              {t('provider.publish')}
            </Button>
          </div>
        )}
        <Heading level={4} data-size="2xs">
          {t('slot.add')}
        </Heading>
        <AddSlot offer={create.data} />
      </div>
    );
  return (
    <form onSubmit={submit} className="form" noValidate>
      {isFormError(create.error, OFFER_FIELDS) && <ErrorAlert error={create.error} />}
      <Textfield label={t('provider.offer_title')} value={form.title} onChange={set('title')} error={fieldError(create.error, 'title')} required />
      <Textfield
        label={t('provider.offer_description')}
        multiline
        rows={4}
        value={form.description}
        onChange={set('description')}
        error={fieldError(create.error, 'description')}
        required
      />
      <Field>
        <Label>{t('catalogue.format')}</Label>
        <Select
          value={form.format}
          onChange={(e) => setForm((f) => ({ ...f, format: FORMATS.find((x) => x === e.target.value) ?? f.format }))}
          aria-invalid={!!fieldError(create.error, 'format')}
        >
          {FORMATS.map((f) => (
            <Select.Option key={f} value={f}>
              {t(`format.${f}`)}
            </Select.Option>
          ))}
        </Select>
        {fieldError(create.error, 'format') && <ValidationMessage>{fieldError(create.error, 'format')}</ValidationMessage>}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('offer.subjects')}</Fieldset.Legend>
        <div className="checkbox-grid">
          {SUBJECTS.map((s) => (
            <Checkbox
              key={s}
              label={t(`subject.${s}`)}
              value={s}
              checked={form.subjects.includes(s)}
              onChange={(e) =>
                setForm((f) => ({ ...f, subjects: e.target.checked ? [...f.subjects, s] : f.subjects.filter((x) => x !== s) }))
              }
            />
          ))}
        </div>
        {fieldError(create.error, 'subjects') && <Paragraph data-color="danger">{fieldError(create.error, 'subjects')}</Paragraph>}
      </Fieldset>
      <div className="grid-3">
        <Textfield label={t('provider.grade_min')} type="number" min={1} max={13} value={form.min} onChange={set('min')} error={fieldError(create.error, 'grades')} />
        <Textfield label={t('provider.grade_max')} type="number" min={1} max={13} value={form.max} onChange={set('max')} />
        <Textfield label={t('offer.capacity')} type="number" min={1} value={form.capacity} onChange={set('capacity')} error={fieldError(create.error, 'capacity')} />
        <Textfield label={t('provider.duration')} type="number" min={1} value={form.duration_minutes} onChange={set('duration_minutes')} error={fieldError(create.error, 'duration_minutes')} />
        <Textfield label={t('provider.radius')} type="number" min={0} max={2000} value={form.travel_radius_km} onChange={set('travel_radius_km')} error={fieldError(create.error, 'travel_radius_km')} />
        <Textfield label={t('provider.cost')} type="number" min={0} value={form.cost_nok} onChange={set('cost_nok')} error={fieldError(create.error, 'cost_nok')} />
      </div>
      <Checkbox label={t('offer.digital')} checked={form.digital} onChange={(e) => setForm((f) => ({ ...f, digital: e.target.checked }))} />
      <Button type="submit" loading={create.isPending}>
        {t('provider.create_offer')}
      </Button>
    </form>
  );
}

function ImpactSection({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const impact = useImpact(orgId);
  const n = (v: number | null, d = 0) => (v === null ? t('impact.withheld') : formatNumber(lang, v, d));
  return (
    <QueryState query={impact}>
      {(data) =>
        data.items.length === 0 ? (
          <Paragraph>{t('impact.none')}</Paragraph>
        ) : (
          <ChartFigure
            caption={t('impact.caption')}
            spec={{ kind: 'columns', data: data.items.map((y) => ({ x: String(y.year), value: y.bookings })), unit: t('impact.bookings'), decimals: 0 }}
            note={t('impact.suppression')}
            table={
              <DataTable<ImpactYear>
                caption={t('impact.caption')}
                rows={data.items}
                rowKey={(r) => String(r.year)}
                columns={[
                  { key: 'year', header: t('impact.year'), cell: (r) => String(r.year) },
                  { key: 'bookings', header: t('impact.bookings'), cell: (r) => n(r.bookings), numeric: true },
                  { key: 'schools', header: t('impact.schools'), cell: (r) => n(r.schools), numeric: true },
                  { key: 'municipalities', header: t('impact.municipalities'), cell: (r) => n(r.municipalities), numeric: true },
                  { key: 'pupils', header: t('impact.pupils'), cell: (r) => n(r.pupils), numeric: true },
                  { key: 'girls', header: t('impact.girls'), cell: (r) => n(r.girls), numeric: true },
                  { key: 'boys', header: t('impact.boys'), cell: (r) => n(r.boys), numeric: true },
                  { key: 'hours', header: t('impact.hours'), cell: (r) => n(r.hours, 1), numeric: true },
                  { key: 'feedback', header: t('impact.feedback'), cell: (r) => (r.average_feedback === null ? '–' : n(r.average_feedback, 1)), numeric: true },
                ]}
              />
            }
          />
        )
      }
    </QueryState>
  );
}

function OrgSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const org = useOrganisation(orgId);
  const offers = useProviderOffers(orgId);
  const requests = useRequests();
  if (org.isPending) return <Loading />;
  if (org.isError) return <ErrorAlert error={org.error} />;
  const o = org.data;
  const incoming = (requests.data?.items ?? []).filter((r) => r.offer.provider === orgId);
  const waiting = incoming.filter((r) => r.state === 'requested' || r.state === 'proposed');
  const rest = incoming.filter((r) => !(r.state === 'requested' || r.state === 'proposed'));
  return (
    <section className="stack-lg org-section" aria-labelledby={`org-${o.id}`}>
      <div className="stack">
        <Heading level={2} data-size="md" id={`org-${o.id}`}>
          {o.name}
        </Heading>
        <div className="tags">
          <Tag data-color={STATUS_COLOR[o.status]}>{t(`org.status_${o.status}`)}</Tag>
          <Tag data-color="neutral">{t(`org.kind_${o.kind}`)}</Tag>
        </div>
        {o.status === 'pending' && <Paragraph>{t('provider.pending_note')}</Paragraph>}
      </div>

      <section className="stack" aria-labelledby={`incoming-${o.id}`}>
        <Heading level={3} data-size="sm" id={`incoming-${o.id}`}>
          {t('provider.incoming')}
        </Heading>
        {requests.isError && <ErrorAlert error={requests.error} />}
        {waiting.length ? (
          <RequestTable caption={t('provider.incoming')} rows={waiting} side="provider" />
        ) : (
          <Paragraph>{t('provider.no_incoming')}</Paragraph>
        )}
      </section>

      <section className="stack" aria-labelledby={`bookings-${o.id}`}>
        <Heading level={3} data-size="sm" id={`bookings-${o.id}`}>
          {t('provider.other_requests')}
        </Heading>
        {rest.length ? <RequestTable caption={t('provider.other_requests')} rows={rest} side="provider" /> : <Paragraph>{t('provider.none')}</Paragraph>}
      </section>

      <section className="stack" aria-labelledby={`offers-${o.id}`}>
        <Heading level={3} data-size="sm" id={`offers-${o.id}`}>
          {t('provider.offers')}
        </Heading>
        <QueryState query={offers}>
          {(list) =>
            list.length === 0 ? (
              <Paragraph>{t('provider.no_offers')}</Paragraph>
            ) : (
              <ul className="plain-list stack">
                {list.map((offer) => (
                  <li key={offer.id}>
                    <Card data-color="neutral">
                      <Card.Block>
                        <Heading level={4} data-size="xs">
                          <Link asChild>
                            <RouterLink to={`/tilbud/${offer.id}`}>{offer.title}</RouterLink>
                          </Link>
                        </Heading>
                      </Card.Block>
                      <Details>
                        <Details.Summary>{t('slot.add')}</Details.Summary>
                        <Details.Content>
                          <AddSlot offer={offer} />
                        </Details.Content>
                      </Details>
                    </Card>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
        <Paragraph data-size="sm" className="muted">
          {t('provider.drafts_note')}
        </Paragraph>
        <Details>
          <Details.Summary>{t('provider.new_offer')}</Details.Summary>
          <Details.Content>
            <NewOffer org={o} />
          </Details.Content>
        </Details>
      </section>

      <section className="stack" aria-labelledby={`impact-${o.id}`}>
        <Heading level={3} data-size="sm" id={`impact-${o.id}`}>
          {t('impact.title')}
        </Heading>
        <ImpactSection orgId={o.id} />
      </section>
    </section>
  );
}

export default function ProviderDashboard() {
  const { t } = useTranslation();
  usePageTitle(t('provider.title'));
  return (
    <RequireAuth>
      {(me) => {
        const orgs = providersOf(me);
        return (
          <div className="stack-lg">
            <PageHeading lead={t('provider.lead')}>{t('provider.title')}</PageHeading>
            {orgs.length === 0 && <Paragraph>{t('provider.no_org')}</Paragraph>}
            {orgs.map((id) => (
              <OrgSection key={id} orgId={id} />
            ))}
            <section className="stack" aria-labelledby="open-requests">
              <Heading level={2} data-size="md" id="open-requests">
                {t('open.for_providers')}
              </Heading>
              <Paragraph>{t('open.explain_provider')}</Paragraph>
              <OpenRequestCards query={{ state: 'open' }} me={me} />
            </section>
          </div>
        );
      }}
    </RequireAuth>
  );
}
