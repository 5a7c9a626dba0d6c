import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { API, apiGet } from '../api/client';
import { useChange, useOrganisation, useProviderOffers, useSlots } from '../api/hooks';
import type { OfferPage, OpenRequest, OpenRequestAnswerInput, Person } from '../api/types';
import { ErrorAlert } from './common';
import { fieldError, isFormError } from './forms';
import { formatSpan } from '../lib/format';
import { providersOf } from '../lib/roles';

const keys = (id: string) => [['open-request', id], ['open-requests']];

function OrgOption({ id }: { id: string }) {
  const org = useOrganisation(id);
  return <option value={id}>{org.data?.name ?? id}</option>;
}

/** Offers a coordinator may point to: those that reach the school for the grade, else all. */
function useSuggestions(req: OpenRequest, enabled: boolean) {
  return useQuery({
    queryKey: ['offers', 'suggest', req.school.orgnr, req.grade],
    queryFn: async () => {
      const near = await apiGet<OfferPage>(`${API}/offers`, { near: req.school.orgnr, grade: req.grade, limit: 200 });
      if (near.items.length > 0) return { near: true, items: near.items };
      const all = await apiGet<OfferPage>(`${API}/offers`, { limit: 1000 });
      return { near: false, items: all.items };
    },
    enabled,
  });
}

/** An answer to an open request: a text, and if the person likes an offer and one of its free slots. */
export function AnswerForm({ req, me }: { req: OpenRequest; me: Person }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const orgs = providersOf(me);
  const asProvider = orgs.length > 0;
  const [org, setOrg] = useState(orgs[0] ?? '');
  const [offer, setOffer] = useState('');
  const [slot, setSlot] = useState('');
  const [body, setBody] = useState('');
  const own = useProviderOffers(asProvider ? org : undefined);
  const suggested = useSuggestions(req, !asProvider);
  const offers = asProvider ? own.data ?? [] : suggested.data?.items ?? [];
  const slots = useSlots(offer || undefined);
  const free = (slots.data?.items ?? []).filter((s) => s.free > 0);
  const send = useChange<OpenRequestAnswerInput, OpenRequest>('POST', `${API}/open-requests/${req.id}/answers`, keys(req.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(
      {
        body,
        offer_id: offer || undefined,
        slot_id: offer && slot ? slot : undefined,
        organisation_id: asProvider && orgs.length > 1 ? org : undefined,
      },
      {
        onSuccess: () => {
          setBody('');
          setOffer('');
          setSlot('');
        },
      },
    );
  };
  const err = (p: string) => fieldError(send.error, p);
  // the members shown at a field right now; a fault at any other goes above the form
  const fields = ['body', 'offer_id', ...(offer ? ['slot_id'] : []), ...(asProvider && orgs.length > 1 ? ['organisation_id'] : [])];
  return (
    <div className="stack">
      <Paragraph>{asProvider ? t('open.answer_explain_provider') : t('open.answer_explain_coordinator')}</Paragraph>
      <form className="form readable" onSubmit={submit} noValidate>
        {isFormError(send.error, fields) && <ErrorAlert error={send.error} />}
        {asProvider && orgs.length > 1 && (
          <Field>
            <Label>{t('open.answer_as')}</Label>
            <Select value={org} onChange={(e) => (setOrg(e.target.value), setOffer(''), setSlot(''))} aria-invalid={!!err('organisation_id')}>
              {orgs.map((o) => (
                <OrgOption key={o} id={o} />
              ))}
            </Select>
            {err('organisation_id') && <ValidationMessage>{err('organisation_id')}</ValidationMessage>}
          </Field>
        )}
        <Field>
          <Label>{t('open.answer_offer_pick')}</Label>
          {!asProvider && suggested.data && <Field.Description>{suggested.data.near ? t('open.suggest_near') : t('open.suggest_all')}</Field.Description>}
          <Select value={offer} onChange={(e) => (setOffer(e.target.value), setSlot(''))} aria-invalid={!!err('offer_id')}>
            <Select.Option value="">{t('open.no_offer')}</Select.Option>
            {offers.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {asProvider ? o.title : `${o.title} (${o.organisation.name})`}
              </Select.Option>
            ))}
          </Select>
          {err('offer_id') && <ValidationMessage>{err('offer_id')}</ValidationMessage>}
        </Field>
        {offer && (
          <Field>
            <Label>{t('open.answer_slot_pick')}</Label>
            <Select value={slot} onChange={(e) => setSlot(e.target.value)} aria-invalid={!!err('slot_id')}>
              <Select.Option value="">{t('open.no_slot')}</Select.Option>
              {free.map((s) => (
                <Select.Option key={s.id} value={s.id}>
                  {formatSpan(lang, s.starts_at, s.ends_at)}
                </Select.Option>
              ))}
            </Select>
            {slots.data && free.length === 0 && (
              <Paragraph data-size="sm" className="muted">
                {t('open.no_free_slots')}
              </Paragraph>
            )}
            {err('slot_id') && <ValidationMessage>{err('slot_id')}</ValidationMessage>}
          </Field>
        )}
        <Textfield label={t('open.your_answer')} multiline rows={4} value={body} onChange={(e) => setBody(e.target.value)} error={err('body')} required />
        <Button type="submit" loading={send.isPending}>
          {t('open.answer')}
        </Button>
        {send.isSuccess && <Paragraph role="status">{t('open.answered')}</Paragraph>}
      </form>
    </div>
  );
}

