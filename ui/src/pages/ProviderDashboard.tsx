import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  Button,
  Card,
  Details,
  Heading,
  Link,
  Paragraph,
  Tag,
} from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useOrganisation, useProviderOffers, useRequests } from '../api/hooks';
import type { Offer, OfferInput, Organisation } from '../api/types';
import { AddSlot } from '../components/AddSlot';
import { ImpactSection } from '../components/Impact';
import { OpenRequestCards } from '../components/OpenRequestList';
import { RequestTable } from '../components/RequestTable';
import { ErrorAlert, HubLink, Loading, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { OfferForm } from '../components/OfferForm';
import { OfferStatusTag, useOfferMoves } from '../components/OfferStatus';
import { PendingExplained } from '../components/PendingExplained';
import { providersOf } from '../lib/roles';

const STATUS_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

/** A new offer: saved as a draft, then finished (files, slots, publishing) on its own page. */
function NewOffer({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useChange<OfferInput, Offer>('POST', `${API}/offers`, [['offers']]);
  return (
    <OfferForm
      municipality={org.municipality}
      submitLabel={t('provider.create_offer')}
      pending={create.isPending}
      error={create.error}
      onSubmit={(body) =>
        create.mutate({ ...body, organisation_id: org.id }, { onSuccess: (offer) => void navigate(`/min-side/tilbyder/tilbud/${offer.id}?ny=1`) })
      }
    />
  );
}

/** One of the provider's offers, with what can be done to it from the list. */
function OfferItem({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { publish, archive, copy, error } = useOfferMoves(offer);
  return (
    <Card data-color="neutral">
      <Card.Block>
        <div className="stack">
          <Heading level={4} data-size="xs">
            <Link asChild>
              <RouterLink to={`/min-side/tilbyder/tilbud/${offer.id}`}>{offer.title}</RouterLink>
            </Link>
          </Heading>
          <div className="tags">
            <OfferStatusTag status={offer.status} />
            <Tag data-color="neutral">{t(`format.${offer.format}`)}</Tag>
          </div>
          {error && <ErrorAlert error={error} />}
          <div className="actions">
            <Button asChild variant="secondary" data-size="sm">
              <RouterLink to={`/min-side/tilbyder/tilbud/${offer.id}`}>{t('provider.edit', { title: offer.title })}</RouterLink>
            </Button>
            {offer.status !== 'published' && (
              <Button variant="secondary" data-size="sm" loading={publish.isPending} onClick={() => publish.mutate(undefined)}>
                {t('provider.publish')}
              </Button>
            )}
            {offer.status !== 'archived' && (
              <Button variant="tertiary" data-size="sm" loading={archive.isPending} onClick={() => archive.mutate(undefined)}>
                {t('provider.archive')}
              </Button>
            )}
            <Button
              variant="tertiary"
              data-size="sm"
              loading={copy.isPending}
              onClick={() => copy.mutate(undefined, { onSuccess: (c) => void navigate(`/min-side/tilbyder/tilbud/${c.id}?kopi=1`) })}
            >
              {t('provider.copy')}
            </Button>
          </div>
        </div>
      </Card.Block>
      {offer.status !== 'archived' && (
        <Details>
          <Details.Summary>{t('slot.add')}</Details.Summary>
          <Details.Content>
            <AddSlot offer={offer} />
          </Details.Content>
        </Details>
      )}
    </Card>
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
        {o.status === 'pending' && <PendingExplained org={o} />}
        <div className="actions">
          <Button asChild variant="secondary" data-size="sm">
            <RouterLink to={`/min-side/tilbyder/profil/${encodeURIComponent(o.id)}`}>{t('provider.edit_profile')}</RouterLink>
          </Button>
          {o.status === 'approved' && (
            <Link asChild>
              <RouterLink to={`/tilbyder/${encodeURIComponent(o.id)}`}>{t('orgprofile.see_page')}</RouterLink>
            </Link>
          )}
        </div>
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
                    <OfferItem offer={offer} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
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
            <HubLink />
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
