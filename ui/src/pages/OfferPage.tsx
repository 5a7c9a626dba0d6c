import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useMe, useMunicipality, useOffer, useSchool, useSlots } from '../api/hooks';
import type { BookingRequest, BookingRequestInput, Offer, Person, Slot } from '../api/types';
import { ErrorAlert, PageHeading, QueryState, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';
import { Linkified } from '../components/Linkified';
import { SlotList } from '../components/SlotList';
import { gradeRange } from '../components/OfferCard';
import { formatBytes, formatList, formatNumber, formatSpan } from '../lib/format';
import { schoolsOf } from '../lib/roles';
import { NotFoundPage } from './NotFound';

function SchoolName({ orgnr }: { orgnr: string }) {
  const s = useSchool(orgnr);
  return <>{s.data?.name ?? orgnr}</>;
}

/** The members shown at a field (the slot only when the offer has slots); any other fault goes above the form. */
const requestFields = (slots: Slot[]) => ['school', 'grade', 'pupils', 'wished', 'message', ...(slots.length > 0 ? ['slot_id'] : [])];
/** The request as the form sends it: `pupils` left out when empty, for the server to name at its field. */
type BookingRequestDraft = Omit<BookingRequestInput, 'pupils'> & Partial<Pick<BookingRequestInput, 'pupils'>>;

function RequestForm({ offer, slots, me }: { offer: Offer; slots: Slot[]; me: Person }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const navigate = useNavigate();
  const schools = schoolsOf(me);
  const [form, setForm] = useState({
    school: schools[0] ?? '',
    grade: String(offer.grades.min),
    pupils: '',
    slot_id: '',
    wished: '',
    message: '',
  });
  const send = useChange<BookingRequestDraft, BookingRequest>('POST', `${API}/requests`, [['requests'], ['slots', offer.id]]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const open = slots.filter((s) => s.free > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: BookingRequestDraft = {
      offer_id: offer.id,
      school: form.school,
      grade: Number(form.grade),
      pupils: form.pupils === '' ? undefined : Number(form.pupils),
      wished: form.wished || undefined,
      message: form.message || undefined,
      slot_id: form.slot_id || undefined,
    };
    send.mutate(body, { onSuccess: (r) => navigate(`/foresporsel/${r.id}`, { state: { created: true } }) });
  };

  const grades = Array.from({ length: offer.grades.max - offer.grades.min + 1 }, (_, i) => offer.grades.min + i);

  return (
    <form onSubmit={submit} className="form" noValidate aria-labelledby="request-heading">
      {isFormError(send.error, requestFields(slots)) && <ErrorAlert error={send.error} />}
      <Field>
        <Label>{t('request.school')}</Label>
        <Select value={form.school} onChange={set('school')}>
          {schools.map((s) => (
            <Select.Option key={s} value={s}>
              {/* option text must be plain: the name loads into it */}
              <SchoolName orgnr={s} />
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('request.grade')}</Label>
        <Select value={form.grade} onChange={set('grade')}>
          {grades.map((g) => (
            <Select.Option key={g} value={String(g)}>
              {t('grade.label', { grade: g })}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        label={t('request.pupils')}
        type="number"
        inputMode="numeric"
        min={1}
        max={offer.capacity}
        description={t('request.pupils_help', { count: offer.capacity })}
        value={form.pupils}
        onChange={set('pupils')}
        error={fieldError(send.error, 'pupils')}
        required
      />
      {slots.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t('request.slot')}</Fieldset.Legend>
          <Fieldset.Description>{t('request.slot_hint')}</Fieldset.Description>
          <Radio name="slot" value="" label={t('request.no_slot')} checked={form.slot_id === ''} onChange={set('slot_id')} />
          {open.map((s) => (
            <Radio
              key={s.id}
              name="slot"
              value={s.id}
              label={formatSpan(lang, s.starts_at, s.ends_at)}
              description={t('offer.free_places', { count: s.free })}
              checked={form.slot_id === s.id}
              onChange={set('slot_id')}
            />
          ))}
          {fieldError(send.error, 'slot_id') && <Paragraph data-color="danger">{fieldError(send.error, 'slot_id')}</Paragraph>}
        </Fieldset>
      )}
      <Textfield label={t('request.wished')} description={t('request.wished_hint')} value={form.wished} onChange={set('wished')} error={fieldError(send.error, 'wished')} />
      <Textfield label={t('request.message')} multiline rows={4} value={form.message} onChange={set('message')} error={fieldError(send.error, 'message')} />
      {fieldError(send.error, 'grade', 'school') && (
        <Alert data-color="danger">
          <Paragraph>{fieldError(send.error, 'grade', 'school')}</Paragraph>
        </Alert>
      )}
      <Button type="submit" loading={send.isPending}>
        {t('request.send')}
      </Button>
    </form>
  );
}

export default function OfferPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const location = useLocation();
  const offer = useOffer(id);
  const slots = useSlots(id);
  const me = useMe();
  const municipality = useMunicipality(offer.data?.municipality ?? undefined);
  usePageTitle(offer.data?.title ?? t('offer.title'));

  return (
    <QueryState query={offer} notFound={<NotFoundPage />}>
      {(o) => (
        <div className="stack-lg">
          <PageHeading
            lead={
              <Link asChild>
                <RouterLink to={`/tilbyder/${encodeURIComponent(o.organisation.id)}`}>{o.organisation.name}</RouterLink>
              </Link>
            }
          >
            {o.title}
          </PageHeading>
          <div className="tags">
            <Tag data-color="accent">{t(`format.${o.format}`)}</Tag>
            <Tag data-color="neutral">{gradeRange(t, o.grades)}</Tag>
            {o.digital && <Tag data-color="brand1">{t('offer.digital')}</Tag>}
          </div>
          <div className="two-col">
            <div className="stack">
              <Paragraph className="preline">{o.description}</Paragraph>
              <dl className="facts">
                <dt>{t('offer.subjects')}</dt>
                <dd>{formatList(lang, o.subjects.map((s) => t(`subject.${s}`)))}</dd>
                <dt>{t('offer.where')}</dt>
                <dd>
                  {o.digital
                    ? t('offer.digital_everywhere')
                    : [o.address, municipality.data?.name].filter(Boolean).join(', ') || '–'}
                  {!o.digital && o.travel_radius_km > 0 && <> {t('offer.travels', { km: formatNumber(lang, o.travel_radius_km, 0) })}</>}
                </dd>
                <dt>{t('offer.duration')}</dt>
                <dd>{t('offer.minutes', { count: o.duration_minutes, n: formatNumber(lang, o.duration_minutes, 0) })}</dd>
                <dt>{t('offer.capacity')}</dt>
                <dd>{t('offer.pupils', { count: o.capacity, n: formatNumber(lang, o.capacity, 0) })}</dd>
                <dt>{t('offer.price')}</dt>
                <dd>{o.cost_nok === 0 ? t('offer.free') : t('offer.cost', { cost: formatNumber(lang, o.cost_nok, 0) })}</dd>
                <dt>{t('offer.languages')}</dt>
                <dd>{formatList(lang, o.languages.map((l) => t(`lang.${l}`, { defaultValue: l })))}</dd>
                {o.preparation && (
                  <>
                    <dt>{t('offer.preparation')}</dt>
                    <dd>{o.preparation}</dd>
                  </>
                )}
              </dl>
              {o.files.some((f) => f.role === 'picture') && (
                <div className="offer-pictures">
                  {o.files
                    .filter((f) => f.role === 'picture')
                    .map((f, i) => (
                      <img key={f.id} src={f.url} alt={t('offer.picture_alt', { n: i + 1, title: o.title })} width={f.width ?? undefined} height={f.height ?? undefined} loading="lazy" />
                    ))}
                </div>
              )}
              {(o.kit.before || o.kit.during || o.kit.after || o.materials.length > 0 || o.curriculum.length > 0 || o.preparation_minutes > 0) && (
                <section className="stack">
                  <Heading level={2} data-size="sm">
                    {t('offer.kit')}
                  </Heading>
                  <dl className="facts">
                    {(['before', 'during', 'after'] as const)
                      .filter((k) => o.kit[k])
                      .map((k) => (
                        <div key={k}>
                          <dt>{t(`offer.kit_${k}`)}</dt>
                          <dd>
                            <Linkified text={o.kit[k]} />
                          </dd>
                        </div>
                      ))}
                    {o.preparation_minutes > 0 && (
                      <div>
                        <dt>{t('offer.preparation_time')}</dt>
                        <dd>{t('offer.minutes', { count: o.preparation_minutes, n: formatNumber(lang, o.preparation_minutes, 0) })}</dd>
                      </div>
                    )}
                    {o.curriculum.length > 0 && (
                      <div>
                        <dt>{t('offer.curriculum')}</dt>
                        <dd>
                          <ul className="inline-list">
                            {o.curriculum.map((c) => (
                              <li key={c}>
                                <Link href={`https://www.udir.no/lk20/${c.toLowerCase()}`}>{c}</Link>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    )}
                  </dl>
                  {o.materials.length > 0 && (
                    <>
                      <Heading level={3} data-size="xs">
                        {t('offer.materials')}
                      </Heading>
                      <ul>
                        {o.materials.map((m, i) => (
                          <li key={i}>{m}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {o.files.some((f) => f.role === 'material') && (
                    <>
                      <Heading level={3} data-size="xs">
                        {t('offer.files')}
                      </Heading>
                      <ul>
                        {o.files
                          .filter((f) => f.role === 'material')
                          .map((f) => (
                            <li key={f.id}>
                              <Link href={f.url} download={f.name}>
                                {f.name}
                              </Link>{' '}
                              <span className="muted">
                                ({t(`files.type_${f.media_type.replace(/\W/g, '_')}`)}, {formatBytes(lang, f.size)})
                              </span>
                            </li>
                          ))}
                      </ul>
                    </>
                  )}
                </section>
              )}
              <section className="stack">
                <Heading level={2} data-size="sm">
                  {t('offer.slots')}
                </Heading>
                {o.on_request && <Paragraph>{t('offer.on_request')}</Paragraph>}
                <QueryState query={slots}>
                  {(s) => <SlotList slots={s.items} />}
                </QueryState>
              </section>
            </div>
            <Card data-color="accent" variant="tinted" className="request-card">
              <Heading level={2} data-size="sm" id="request-heading">
                {t('request.heading')}
              </Heading>
              {me.data && schoolsOf(me.data).length > 0 ? (
                <RequestForm offer={o} slots={slots.data?.items ?? []} me={me.data} />
              ) : me.data ? (
                <Paragraph>{t('request.teachers_only')}</Paragraph>
              ) : (
                <Paragraph>
                  <Link asChild>
                    <RouterLink to={`/logg-inn?neste=${encodeURIComponent(location.pathname)}`}>{t('request.sign_in_first')}</RouterLink>
                  </Link>
                </Paragraph>
              )}
            </Card>
          </div>
        </div>
      )}
    </QueryState>
  );
}
