import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Offer } from '../api/types';
import { formatDate, formatNumber } from '../lib/format';
import { usePlaceName } from './usePlaceName';

export function gradeRange(t: (k: string, o?: Record<string, unknown>) => string, g: { min: number; max: number }) {
  return g.min === g.max ? t('offer.grade_one', { grade: g.min }) : t('offer.grades', { min: g.min, max: g.max });
}

export function OfferCard({ offer, headingLevel = 2 }: { offer: Offer; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const picture = offer.files.find((f) => f.role === 'picture');
  const placeName = usePlaceName();
  const where = offer.municipality ? placeName(offer.municipality) : null;
  return (
    <Card data-color="neutral" className="offer-card">
      {/* decorative here: the title says what the offer is, its page describes the pictures */}
      {picture && <img className="offer-card-picture" src={picture.url} alt="" loading="lazy" width={picture.width ?? undefined} height={picture.height ?? undefined} />}
      <Heading level={headingLevel} data-size="xs">
        <Link asChild>
          <RouterLink to={`/tilbud/${offer.id}`}>{offer.title}</RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm" className="muted">
        <Link asChild>
          <RouterLink to={`/tilbyder/${encodeURIComponent(offer.organisation.id)}`}>{offer.organisation.name}</RouterLink>
        </Link>
      </Paragraph>
      <div className="tags">
        <Tag data-color="accent">{t(`format.${offer.format}`)}</Tag>
        <Tag data-color="neutral">{gradeRange(t, offer.grades)}</Tag>
        {offer.digital && <Tag data-color="brand1">{t('offer.digital')}</Tag>}
        <Tag data-color="neutral">{offer.cost_nok === 0 ? t('offer.free') : t('offer.cost', { cost: formatNumber(lang, offer.cost_nok, 0) })}</Tag>
      </div>
      <Paragraph data-size="sm" className="clamp">
        {offer.description}
      </Paragraph>
      <ul className="card-facts" aria-label={t('offer.facts')}>
        <li>
          {offer.digital ? t('offer.digital_everywhere') : where}
          {offer.distance_km !== null && where && !offer.digital && ` · ${t('offer.distance', { km: formatNumber(lang, offer.distance_km, offer.distance_km < 10 && !Number.isInteger(offer.distance_km) ? 1 : 0) })}`}
        </li>
        {offer.next_free && <li>{t('offer.next_free', { date: formatDate(lang, offer.next_free) })}</li>}
        {!offer.next_free && offer.on_request && <li>{t('offer.by_agreement')}</li>}
      </ul>
    </Card>
  );
}
