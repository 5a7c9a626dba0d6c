import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { isNotFound } from '../api/client';
import { useOpenRequests } from '../api/hooks';
import type { OpenRequest } from '../api/types';
import { DataTable } from './DataTable';
import { ErrorAlert, Loading } from './common';
import { formatList } from '../lib/format';

export const schoolName = (o: OpenRequest) => (typeof o.school === 'string' ? o.school : o.school?.name ?? '');

/** Open wishes from schools. The server's route is new: while it answers 404 we say so. */
export function OpenRequestList({ caption }: { caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const list = useOpenRequests();
  if (list.isPending) return <Loading />;
  if (list.isError)
    return isNotFound(list.error) ? (
      <Alert data-color="info">
        <Paragraph>{t('open.not_available')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={list.error} />
    );
  if (list.data.items.length === 0) return <Paragraph>{t('open.none')}</Paragraph>;
  return (
    <DataTable<OpenRequest>
      caption={caption}
      rows={list.data.items}
      rowKey={(r) => r.id}
      columns={[
        {
          key: 'school',
          header: t('request.school'),
          cell: (r) => (
            <Link asChild>
              <RouterLink to={`/apne-foresporsler/${r.id}`}>{schoolName(r) || t('open.title')}</RouterLink>
            </Link>
          ),
        },
        { key: 'grade', header: t('request.grade'), cell: (r) => String(r.grade), numeric: true },
        { key: 'subjects', header: t('offer.subjects'), cell: (r) => formatList(lang, (r.subjects ?? []).map((s) => t(`subject.${s}`, { defaultValue: s }))) },
        { key: 'weeks', header: t('open.weeks'), cell: (r) => (r.weeks ?? []).join(', ') || '–' },
        { key: 'answers', header: t('open.answers'), cell: (r) => String(r.answers?.length ?? 0), numeric: true },
        { key: 'state', header: t('request.state'), cell: (r) => (r.state ? t(`open.state_${r.state}`, { defaultValue: r.state }) : '–') },
      ]}
    />
  );
}
