import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { FORMATS, SUBJECTS, type Offer, type OfferFormat, type OfferInput, type Subject } from '../api/types';
import { ErrorAlert } from './common';
import { fieldError, isFormError } from './forms';

/** Formats that happen on a screen: no place, no travel. */
export const DIGITAL_FORMATS: OfferFormat[] = ['digital_qa', 'virtual_tour'];
/** Formats where the provider comes to the school (or sends the kit); the others, the class travels. */
const PROVIDER_TRAVELS: OfferFormat[] = ['school_visit', 'role_model_talk', 'kit'];

/** The members the form shows at a field; a fault at any other goes above the form. */
export const OFFER_FIELDS = [
  'title',
  'description',
  'format',
  'subjects',
  'grades',
  'capacity',
  'travel_radius_km',
  'duration_minutes',
  'cost_nok',
  'address',
  'preparation',
  'kit',
  'materials',
  'preparation_minutes',
  'curriculum',
];

type FormState = {
  title: string;
  description: string;
  format: OfferFormat;
  subjects: Subject[];
  min: string;
  max: string;
  digital: boolean;
  travel_radius_km: string;
  duration_minutes: string;
  capacity: string;
  cost_nok: string;
  address: string;
  on_request: boolean;
  preparation: string;
  before: string;
  during: string;
  after: string;
  materials: string;
  preparation_minutes: string;
  curriculum: string;
};

const fromOffer = (o?: Offer): FormState => ({
  title: o?.title ?? '',
  description: o?.description ?? '',
  format: o?.format ?? 'workplace_visit',
  subjects: o?.subjects ?? [],
  min: String(o?.grades.min ?? 8),
  max: String(o?.grades.max ?? 10),
  digital: o?.digital ?? false,
  travel_radius_km: String(o?.travel_radius_km ?? 30),
  duration_minutes: String(o?.duration_minutes ?? 90),
  capacity: String(o?.capacity ?? 30),
  cost_nok: String(o?.cost_nok ?? 0),
  address: o?.address ?? '',
  on_request: o?.on_request ?? false,
  preparation: o?.preparation ?? '',
  before: o?.kit.before ?? '',
  during: o?.kit.during ?? '',
  after: o?.kit.after ?? '',
  materials: (o?.materials ?? []).join('\n'),
  preparation_minutes: String(o?.preparation_minutes ?? 0),
  curriculum: (o?.curriculum ?? []).join(', '),
});

/** A number as typed; what is not one goes as it is, for the server to name at its field. */
const num = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? (s as unknown as number) : Number(s));

/** What the form sends: every member, so that the same body creates an offer or replaces one's fields. */
export type OfferFields = Omit<OfferInput, 'organisation_id'>;

function toBody(f: FormState, municipality: string | null | undefined): OfferFields {
  const digital = f.digital || DIGITAL_FORMATS.includes(f.format);
  return {
    title: f.title,
    description: f.description,
    format: f.format,
    subjects: f.subjects,
    grades: { min: num(f.min), max: num(f.max) },
    digital,
    ...(digital ? {} : { municipality: municipality ?? undefined }),
    travel_radius_km: digital ? 0 : num(f.travel_radius_km),
    duration_minutes: num(f.duration_minutes),
    capacity: num(f.capacity),
    cost_nok: num(f.cost_nok),
    address: digital ? '' : f.address,
    on_request: f.on_request,
    preparation: f.preparation,
    kit: { before: f.before, during: f.during, after: f.after },
    materials: f.materials
      .split('\n')
      .map((m) => m.trim())
      .filter(Boolean),
    preparation_minutes: num(f.preparation_minutes),
    curriculum: f.curriculum
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  };
}

/**
 * An offer's fields, for a new offer or for changing one: what it is, for whom, where and how
 * long, and the ready-made kit (before / during / after, materials, the teacher's preparation,
 * LK20 curricula). Travel is asked only where it applies: not for digital formats, and worded
 * by who travels.
 */
export function OfferForm({
  offer,
  municipality,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  offer?: Offer;
  /** The municipality a non-digital offer is placed in (the provider's). */
  municipality: string | null | undefined;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: OfferFields) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => fromOffer(offer));
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const digital = form.digital || DIGITAL_FORMATS.includes(form.format);
  const err = (...names: string[]) => fieldError(error, ...names);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toBody(form, municipality));
  };
  return (
    <form onSubmit={submit} className="form" noValidate>
      {isFormError(error, OFFER_FIELDS) && <ErrorAlert error={error} />}
      <Textfield label={t('provider.offer_title')} value={form.title} onChange={set('title')} error={err('title')} required />
      <Textfield
        label={t('provider.offer_description')}
        multiline
        rows={4}
        value={form.description}
        onChange={set('description')}
        error={err('description')}
        required
      />
      <Field>
        <Label>{t('catalogue.format')}</Label>
        <Select
          value={form.format}
          onChange={(e) => setForm((f) => ({ ...f, format: FORMATS.find((x) => x === e.target.value) ?? f.format }))}
          aria-invalid={!!err('format')}
        >
          {FORMATS.map((f) => (
            <Select.Option key={f} value={f}>
              {t(`format.${f}`)}
            </Select.Option>
          ))}
        </Select>
        {err('format') && <ValidationMessage>{err('format')}</ValidationMessage>}
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
              onChange={(e) => setForm((f) => ({ ...f, subjects: e.target.checked ? [...f.subjects, s] : f.subjects.filter((x) => x !== s) }))}
            />
          ))}
        </div>
        {err('subjects') && <ValidationMessage>{err('subjects')}</ValidationMessage>}
      </Fieldset>
      <div className="grid-3">
        <Textfield label={t('provider.grade_min')} type="number" min={1} max={13} value={form.min} onChange={set('min')} error={err('grades')} />
        <Textfield label={t('provider.grade_max')} type="number" min={1} max={13} value={form.max} onChange={set('max')} />
        <Textfield label={t('provider.capacity_pupils')} type="number" min={1} value={form.capacity} onChange={set('capacity')} error={err('capacity')} />
        <Textfield
          label={t('provider.duration')}
          type="number"
          min={1}
          value={form.duration_minutes}
          onChange={set('duration_minutes')}
          error={err('duration_minutes')}
        />
        <Textfield label={t('provider.cost')} type="number" min={0} value={form.cost_nok} onChange={set('cost_nok')} error={err('cost_nok')} />
      </div>
      {DIGITAL_FORMATS.includes(form.format) ? (
        <Paragraph data-size="sm">{t('provider.digital_format_note')}</Paragraph>
      ) : (
        <Checkbox label={t('offer.digital')} checked={form.digital} onChange={(e) => setForm((f) => ({ ...f, digital: e.target.checked }))} />
      )}
      {!digital && (
        <div className="grid-3">
          <Textfield
            label={PROVIDER_TRAVELS.includes(form.format) ? t('provider.radius') : t('provider.radius_school_travels')}
            description={PROVIDER_TRAVELS.includes(form.format) ? undefined : t('provider.radius_school_travels_help')}
            type="number"
            min={0}
            max={2000}
            value={form.travel_radius_km}
            onChange={set('travel_radius_km')}
            error={err('travel_radius_km')}
          />
          <Textfield label={t('provider.address')} value={form.address} onChange={set('address')} error={err('address')} />
        </div>
      )}
      <Checkbox label={t('provider.on_request')} checked={form.on_request} onChange={(e) => setForm((f) => ({ ...f, on_request: e.target.checked }))} />

      <Fieldset>
        <Fieldset.Legend>
          <Heading level={3} data-size="2xs">
            {t('provider.kit_heading')}
          </Heading>
        </Fieldset.Legend>
        <Fieldset.Description>{t('provider.kit_help')}</Fieldset.Description>
        <Textfield label={t('provider.kit_before')} multiline rows={3} value={form.before} onChange={set('before')} error={err('kit.before')} />
        <Textfield label={t('provider.kit_during')} multiline rows={3} value={form.during} onChange={set('during')} error={err('kit.during')} />
        <Textfield label={t('provider.kit_after')} multiline rows={3} value={form.after} onChange={set('after')} error={err('kit.after')} />
        <Textfield
          label={t('provider.materials')}
          description={t('provider.materials_help')}
          multiline
          rows={4}
          value={form.materials}
          onChange={set('materials')}
          error={err('materials')}
        />
        <div className="grid-3">
          <Textfield
            label={t('provider.preparation_minutes')}
            type="number"
            min={0}
            value={form.preparation_minutes}
            onChange={set('preparation_minutes')}
            error={err('preparation_minutes')}
          />
          <Textfield
            label={t('provider.curriculum')}
            description={t('provider.curriculum_help')}
            value={form.curriculum}
            onChange={set('curriculum')}
            error={err('curriculum')}
          />
        </div>
        <Textfield label={t('provider.preparation')} multiline rows={2} value={form.preparation} onChange={set('preparation')} error={err('preparation')} />
      </Fieldset>
      <div>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
