import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import type { Slot } from '../api/types';
import { formatSpan } from '../lib/format';

/** An offer's slots, each with its time and its free places. */
export function SlotList({ slots }: { slots: Slot[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  if (slots.length === 0) return <Paragraph>{t('offer.no_slots')}</Paragraph>;
  return (
    <ul className="plain-list">
      {slots.map((slot) => (
        <li key={slot.id}>
          {formatSpan(lang, slot.starts_at, slot.ends_at)} – {slot.free > 0 ? t('offer.free_places', { count: slot.free }) : t('offer.full')}
        </li>
      ))}
    </ul>
  );
}
