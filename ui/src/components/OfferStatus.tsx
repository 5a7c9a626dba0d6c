import { useTranslation } from 'react-i18next';
import { Tag } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange } from '../api/hooks';
import type { Offer } from '../api/types';

const COLOR = { draft: 'warning', published: 'success', archived: 'neutral' } as const;

/** An offer's status as a tag: Utkast, Publisert, Arkivert. */
export function OfferStatusTag({ status }: { status: Offer['status'] }) {
  const { t } = useTranslation();
  return <Tag data-color={COLOR[status]}>{t(`offer.status_${status}`)}</Tag>;
}

/** What a provider does to one of its offers from the list or its editor: publish, archive, copy. */
export function useOfferMoves(offer: Offer) {
  const invalidate = [['offers'], ['offer', offer.id]];
  const publish = useChange<undefined, Offer>('POST', `${API}/offers/${offer.id}/publish`, invalidate);
  const archive = useChange<undefined, Offer>('POST', `${API}/offers/${offer.id}/archive`, invalidate);
  const copy = useChange<undefined, Offer>('POST', `${API}/offers/${offer.id}/copy`, [['offers']]);
  return { publish, archive, copy, error: publish.error ?? archive.error ?? copy.error };
}
