import { useMemo } from 'react';
import { useMunicipalities } from '../api/hooks';
import { municipalityLabels } from '../lib/places';

/** A municipality's name by its number as people tell it apart ("Våler (Østfold)"); the number until the list has loaded. */
export function usePlaceName(): (place: string | { number: string | null; name: string | null } | null | undefined) => string {
  const all = useMunicipalities();
  const labels = useMemo(() => municipalityLabels(all.data?.items ?? []), [all.data]);
  return (place) => {
    if (!place) return '';
    if (typeof place === 'string') return labels.get(place) ?? place;
    return (place.number && labels.get(place.number)) || place.name || place.number || '';
  };
}
