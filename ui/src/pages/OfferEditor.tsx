import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useOffer, useOrganisation, useSlots } from '../api/hooks';
import type { Offer, OfferPatch } from '../api/types';
import { AddSlot } from '../components/AddSlot';
import { FileSection } from '../components/FileSection';
import { SlotList } from '../components/SlotList';
import { ErrorAlert, Loading, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { OfferForm } from '../components/OfferForm';
import { OfferStatusTag, useOfferMoves } from '../components/OfferStatus';
import { NotFoundPage } from './NotFound';

function Slots({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const slots = useSlots(offer.id);
  return (
    <section className="stack" aria-labelledby="slots-heading">
      <Heading level={2} data-size="sm" id="slots-heading">
        {t('offer.slots')}
      </Heading>
      <QueryState query={slots}>
        {(s) => <SlotList slots={s.items} />}
      </QueryState>
      {offer.status !== 'archived' && <AddSlot offer={offer} />}
    </section>
  );
}

function Editor({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const org = useOrganisation(offer.organisation.id);
  const save = useChange<OfferPatch, Offer>('PATCH', `${API}/offers/${offer.id}`, [['offers'], ['offer', offer.id]]);
  const { publish, archive, copy, error: statusError } = useOfferMoves(offer);
  const [note, setNote] = useState(params.get('ny') ? t('provider.draft_made', { title: offer.title }) : params.get('kopi') ? t('provider.copied') : '');
  const said = (text: string) => {
    setNote(text);
    if (params.size > 0) setParams({}, { replace: true });
  };
  return (
    <div className="stack-lg">
      <PageHeading lead={t('provider.edit_lead')}>{offer.title}</PageHeading>
      <div className="tags">
        <OfferStatusTag status={offer.status} />
        <Tag data-color="neutral">{offer.organisation.name}</Tag>
      </div>
      <div role="status">
        {note && (
          <Alert data-color="success">
            <Paragraph>{note}</Paragraph>
          </Alert>
        )}
      </div>
      {statusError && <ErrorAlert error={statusError} />}
      <Card data-color="neutral" variant="tinted">
        <Card.Block>
          <div className="stack">
            <Paragraph>{t(`provider.status_explain_${offer.status}`)}</Paragraph>
            <div className="actions">
              {offer.status !== 'published' && (
                <Button loading={publish.isPending} onClick={() => publish.mutate(undefined, { onSuccess: () => said(t('provider.published_now')) })}>
                  {t('provider.publish')}
                </Button>
              )}
              {offer.status !== 'archived' && (
                <Button variant="secondary" loading={archive.isPending} onClick={() => archive.mutate(undefined, { onSuccess: () => said(t('provider.archived_now')) })}>
                  {t('provider.archive')}
                </Button>
              )}
              <Button
                variant="secondary"
                loading={copy.isPending}
                onClick={() => copy.mutate(undefined, { onSuccess: (c) => void navigate(`/min-side/tilbyder/tilbud/${c.id}?kopi=1`) })}
              >
                {t('provider.copy')}
              </Button>
              <Link asChild>
                <RouterLink to={`/tilbud/${offer.id}`}>{t('provider.see_as_teacher')}</RouterLink>
              </Link>
            </div>
          </div>
        </Card.Block>
      </Card>

      <section className="stack" aria-labelledby="fields-heading">
        <Heading level={2} data-size="sm" id="fields-heading">
          {t('provider.fields_heading')}
        </Heading>
        {org.isPending ? (
          <Loading />
        ) : (
          <OfferForm
            key={offer.id}
            offer={offer}
            municipality={offer.municipality ?? org.data?.municipality}
            submitLabel={t('provider.save')}
            pending={save.isPending}
            error={save.error}
            onSubmit={(body) => save.mutate(body, { onSuccess: () => said(t('provider.saved')) })}
          />
        )}
      </section>

      <section className="stack" aria-labelledby="files-heading">
        <Heading level={2} data-size="sm" id="files-heading">
          {t('files.heading')}
        </Heading>
        {(['material', 'picture'] as const).map((role) => (
          <FileSection
            key={role}
            base={`${API}/offers/${offer.id}`}
            role={role}
            texts={role}
            files={offer.files.filter((f) => f.role === role)}
            invalidate={[['offer', offer.id], ['offers']]}
            pictures={role === 'picture'}
          />
        ))}
      </section>

      <Slots offer={offer} />

      <Paragraph>
        <Link asChild>
          <RouterLink to="/min-side/tilbyder">{t('provider.back')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

/** A provider's own offer, to finish and change: its fields and kit, files, slots, and its status. */
export default function OfferEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const offer = useOffer(id);
  usePageTitle(offer.data ? t('provider.edit_title', { title: offer.data.title }) : t('provider.title'));
  return (
    <RequireAuth>
      {() =>
        offer.isError && isNotFound(offer.error) ? (
          <NotFoundPage />
        ) : (
          <QueryState query={offer}>{(o) => <Editor offer={o} />}</QueryState>
        )
      }
    </RequireAuth>
  );
}
