import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { isNotFound } from '../api/client';
import { useImpact, useMunicipality, useOrganisation, useProviderOffers } from '../api/hooks';
import type { Organisation } from '../api/types';
import { ImpactSection } from '../components/Impact';
import { OfferCard } from '../components/OfferCard';
import { PageHeading, QueryState, usePageTitle } from '../components/common';
import { formatNumber } from '../lib/format';
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

/** Whom to contact, as the provider chose to show it. */
function Contact({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const c = org.contact;
  if (!c.name && !c.email && !c.phone && !org.website) return null;
  return (
    <section className="stack" aria-labelledby="contact-heading">
      <Heading level={2} data-size="sm" id="contact-heading">
        {t('providerpage.contact')}
      </Heading>
      <address className="contact">
        {c.name && (
          <span>
            {c.name}
            {c.title && `, ${c.title}`}
          </span>
        )}
        {c.email && (
          <span>
            {t('providerpage.email')}: <Link href={`mailto:${c.email}`}>{c.email}</Link>
          </span>
        )}
        {c.phone && (
          <span>
            {t('providerpage.phone')}: <Link href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Link>
          </span>
        )}
        {org.website && (
          <span>
            <Link href={org.website} rel="noopener noreferrer">
              {t('providerpage.website', { host: hostOf(org.website) })}
            </Link>
          </span>
        )}
      </address>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The impact of all years in a few figures; withheld counts say so. */
function Figures({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const impact = useImpact(orgId);
  const all = impact.data?.all_years;
  if (!all || all.bookings === 0) return null;
  const figure = (v: number | null, key: string, d = 0) => ({ key, value: v === null ? t('impact.withheld') : formatNumber(lang, v, d) });
  const figures = [
    figure(all.schools, 'schools'),
    figure(all.municipalities, 'municipalities'),
    figure(all.pupils, 'pupils'),
    figure(all.hours, 'hours', 0),
  ];
  return (
    <dl className="figures">
      {figures.map((f) => (
        <div key={f.key}>
          <dt>{t(`providerpage.figure_${f.key}`)}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Provider({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  usePageTitle(org.name);
  const offers = useProviderOffers(org.id);
  const recruits = [...new Set(org.recruits_for)];
  const published = (offers.data ?? []).filter((o) => o.status === 'published');
  const roleModel = org.kind === 'volunteer';
  return (
    <div className="stack-lg">
      <div className="provider-head">
        {org.logo && <img src={org.logo.url} alt={t('providerpage.logo_of', { name: org.name })} className="provider-logo" width={org.logo.width} height={org.logo.height} />}
        <PageHeading lead={roleModel && org.field ? [org.field, org.affiliation].filter(Boolean).join(', ') : undefined}>{org.name}</PageHeading>
      </div>
      <div className="tags">
        <Tag data-color="neutral">{t(`org.kind_${org.kind}`)}</Tag>
        {org.sector && <Tag data-color="neutral">{t(`providerpage.sector_${org.sector}`)}</Tag>}
      </div>
      {org.profile && <Paragraph className="profile-text">{org.profile}</Paragraph>}
      <Where org={org} />
      {org.pictures.length > 0 && (
        <ul className="plain-list picture-row" aria-label={t('providerpage.pictures')}>
          {org.pictures.map((p) => (
            <li key={p.id}>
              <img src={p.url} alt="" width={p.width} height={p.height} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
      {recruits.length > 0 && (
        <section className="stack" aria-labelledby="recruits-heading">
          <Heading level={2} data-size="sm" id="recruits-heading">
            {t('providerpage.recruits_heading')}
          </Heading>
          <ul>
            {recruits.map((r) => (
              <li key={r}>{t(`providerpage.recruits_${r}`)}</li>
            ))}
          </ul>
        </section>
      )}
      <Contact org={org} />
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
        <Figures orgId={org.id} />
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
