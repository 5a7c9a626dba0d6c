import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { isNotFound } from '../api/client';
import { useMunicipality, useOrganisation, useProviderOffers } from '../api/hooks';
import type { Organisation } from '../api/types';
import { ImpactSection } from '../components/Impact';
import { OfferCard } from '../components/OfferCard';
import { PageHeading, QueryState, usePageTitle } from '../components/common';
import { NotFoundPage } from './NotFound';

function Where({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const m = useMunicipality(org.municipality);
  if (!m.data) return null;
  const county = m.data.county;
  return (
    <Paragraph>
      {t('providerpage.where')}{' '}
      <Link asChild>
        <RouterLink to={`/kommune/${m.data.number}`}>{m.data.name}</RouterLink>
      </Link>
      {county?.number && (
        <>
          {', '}
          <Link asChild>
            <RouterLink to={`/fylke/${county.number}`}>{county.name}</RouterLink>
          </Link>
        </>
      )}
    </Paragraph>
  );
}

function Provider({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  usePageTitle(org.name);
  const offers = useProviderOffers(org.id);
  const shows = [...new Set(org.shows)];
  const published = (offers.data ?? []).filter((o) => o.status === 'published');
  return (
    <div className="stack-lg">
      <PageHeading lead={org.profile || undefined}>{org.name}</PageHeading>
      <div className="tags">
        <Tag data-color="neutral">{t(`org.kind_${org.kind}`)}</Tag>
        {org.sector && <Tag data-color="neutral">{t(`providerpage.sector_${org.sector}`)}</Tag>}
      </div>
      <Where org={org} />
      {shows.length > 0 && (
        <section className="stack" aria-labelledby="shows-heading">
          <Heading level={2} data-size="sm" id="shows-heading">
            {t('providerpage.shows_heading')}
          </Heading>
          <ul>
            {shows.map((s) => (
              <li key={s}>{t(`providerpage.shows_${s}`)}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="stack" aria-labelledby="offers-heading">
        <Heading level={2} data-size="sm" id="offers-heading">
          {t('providerpage.offers')}
        </Heading>
        <QueryState query={offers}>
          {() =>
            published.length === 0 ? (
              <Paragraph>{t('providerpage.no_offers')}</Paragraph>
            ) : (
              <div className="cards">
                {published.map((o) => (
                  <OfferCard key={o.id} offer={o} headingLevel={3} />
                ))}
              </div>
            )
          }
        </QueryState>
      </section>
      <section className="stack" aria-labelledby="impact-heading">
        <Heading level={2} data-size="sm" id="impact-heading">
          {t('providerpage.impact')}
        </Heading>
        <ImpactSection orgId={org.id} />
      </section>
    </div>
  );
}

/** A provider's public page: who they are, where, what they offer and recruit for, and what their visits came to. */
export default function ProviderPage() {
  const { id } = useParams();
  const org = useOrganisation(id);
  if (org.isError && isNotFound(org.error)) return <NotFoundPage />;
  return <QueryState query={org}>{(o) => <Provider org={o} />}</QueryState>;
}
