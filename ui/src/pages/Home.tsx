import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { API, apiGet } from '../api/client';
import { useIndicators, useInstitutions, useMe, useOffers, useOrganisations } from '../api/hooks';
import type { MunicipalityPage, SchoolPage } from '../api/types';
import { PageHeading, usePageTitle, VisuallyHidden } from '../components/common';
import { OfferCard } from '../components/OfferCard';
import { formatNumber } from '../lib/format';

// A figure on the start page: '…' while it loads, '–' (and why, for screen
// readers) when its query failed, never '…' for ever.
function Figure({
  value,
  label,
  to,
  failed = false,
}: {
  value: number | undefined;
  label: string;
  to?: string;
  failed?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const shown =
    value !== undefined ? (
      formatNumber(i18n.resolvedLanguage ?? 'nb', value, 0)
    ) : failed ? (
      <>
        <span aria-hidden="true">–</span>
        <VisuallyHidden>{t('home.stat_missing')}</VisuallyHidden>
      </>
    ) : (
      '…'
    );
  const body = (
    <>
      <span className="stat__value">{shown}</span>
      <span className="stat__label">{label}</span>
    </>
  );
  return (
    <li className="stat">
      {to ? (
        <RouterLink to={to} className="stat__link">
          {body}
        </RouterLink>
      ) : (
        body
      )}
    </li>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const me = useMe();
  const schools = useQuery({ queryKey: ['schools-total'], queryFn: () => apiGet<SchoolPage>(`${API}/schools`, { limit: 1 }) });
  const municipalities = useQuery({
    queryKey: ['municipalities-total'],
    queryFn: () => apiGet<MunicipalityPage>(`${API}/municipalities`, { limit: 1 }),
  });
  const institutions = useInstitutions();
  const providers = useOrganisations({ status: 'approved' });
  const offers = useOffers({ limit: 3 });
  const indicators = useIndicators();

  const centres = institutions.data?.items.filter((i) => i.kind === 'science_centre').length;
  const he = institutions.data?.items.filter((i) => i.kind === 'higher_education').length;
  const withData = indicators.data?.items.filter((i) => i.has_data).length;

  return (
    <div className="stack-lg">
      <PageHeading lead={t('home.lead')}>{t('home.heading')}</PageHeading>

      <section aria-labelledby="glance">
        <Heading level={2} data-size="md" id="glance">
          {t('home.glance')}
        </Heading>
        <ul className="stats">
          <Figure
            value={municipalities.data?.total}
            failed={municipalities.isError}
            label={t('home.stat_municipalities')}
            to="/kart"
          />
          <Figure value={schools.data?.total} failed={schools.isError} label={t('home.stat_schools')} />
          <Figure value={providers.data?.total} failed={providers.isError} label={t('home.stat_providers')} />
          <Figure value={offers.data?.total} failed={offers.isError} label={t('home.stat_offers')} to="/tilbud" />
          <Figure value={centres} failed={institutions.isError} label={t('home.stat_centres')} />
          <Figure value={he} failed={institutions.isError} label={t('home.stat_he')} />
          <Figure value={withData} failed={indicators.isError} label={t('home.stat_indicators')} to="/monitor" />
        </ul>
      </section>

      <section aria-labelledby="explore">
        <Heading level={2} data-size="md" id="explore">
          {t('home.explore')}
        </Heading>
        <div className="cards">
          {[
            { to: '/kart', title: t('nav.map'), text: t('home.card_map') },
            { to: '/tilbud', title: t('nav.catalogue'), text: t('home.card_catalogue') },
            { to: '/monitor', title: t('nav.monitor'), text: t('home.card_monitor') },
            me.data
              ? { to: '/min-side', title: t('nav.dashboard'), text: t('home.card_dashboard') }
              : { to: '/registrer', title: t('auth.sign_up'), text: t('home.card_signup') },
          ].map((c) => (
            <Card key={c.to} data-color="neutral">
              <Heading level={3} data-size="sm">
                <Link asChild>
                  <RouterLink to={c.to}>{c.title}</RouterLink>
                </Link>
              </Heading>
              <Paragraph>{c.text}</Paragraph>
            </Card>
          ))}
        </div>
      </section>

      <section aria-labelledby="latest">
        <Heading level={2} data-size="md" id="latest">
          {t('home.latest_offers')}
        </Heading>
        <div className="cards">
          {offers.data?.items.map((o) => <OfferCard key={o.id} offer={o} headingLevel={3} />)}
        </div>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/tilbud">{t('home.all_offers')}</RouterLink>
          </Link>
        </Paragraph>
      </section>
    </div>
  );
}
