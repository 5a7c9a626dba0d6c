import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Link } from '@digdir/designsystemet-react';
import type { BookingRequest } from '../api/types';
import { formatDateTime, formatSpan } from '../lib/format';
import { DataTable } from './DataTable';
import { StateTag } from './common';

export function whenOf(lang: string, r: BookingRequest): string {
  if (r.slot) return formatSpan(lang, r.slot.starts_at, r.slot.ends_at);
  if (r.proposed_time) return formatDateTime(lang, r.proposed_time);
  return r.wished || '–';
}

export function RequestTable({ caption, rows, side }: { caption: string; rows: BookingRequest[]; side: 'school' | 'provider' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  return (
    <DataTable<BookingRequest>
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      className="request-table"
      hideCaption
      columns={[
        {
          key: 'offer',
          header: t('request.offer'),
          cell: (r) => (
            <Link asChild>
              <RouterLink to={`/foresporsel/${r.id}`}>{r.offer.title}</RouterLink>
            </Link>
          ),
        },
        side === 'provider'
          ? { key: 'school', header: t('request.school'), cell: (r) => r.school.name }
          : { key: 'school', header: t('request.school'), cell: (r) => r.school.name },
        { key: 'grade', header: t('request.grade'), cell: (r) => `${r.grade}`, numeric: true },
        { key: 'pupils', header: t('request.pupils_short'), cell: (r) => `${r.pupils}`, numeric: true },
        { key: 'when', header: t('request.time'), cell: (r) => whenOf(lang, r) },
        { key: 'state', header: t('request.state'), cell: (r) => <StateTag state={r.state} /> },
      ]}
    />
  );
}
