import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Alert, Card, Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { isNotFound, type Query } from '../api/client';
import { useOpenRequests } from '../api/hooks';
import type { OpenRequest, OpenRequestState, Person } from '../api/types';
import { AnswerForm } from './OpenRequestAnswer';
import { DataTable } from './DataTable';
import { ErrorAlert, Loading } from './common';
import { formatList, formatWeekDays, weekRuns } from '../lib/format';
import { isCoordinator, providersOf } from '../lib/roles';

/** "Uke 12, 2027 (22.–28. mars)" for an ISO week. */
export function useWeekLabel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  return (id: string) => {
    const m = /^(\d{4})-W(\d{2})$/.exec(id);
    if (!m) return id;
    return t('open.week_label', { week: Number(m[2]), year: m[1], days: formatWeekDays(lang, id) });
  };
}

/** "uke 4–8 og 12 2027" style: the weeks in short, consecutive ones as a range, for tables. */
export function useWeeksShort() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  return (weeks: string[]) => {
    if (weeks.length === 0) return '–';
    const byYear = new Map<string, number[]>();
    for (const w of weeks) {
      const m = /^(\d{4})-W(\d{2})$/.exec(w);
      if (!m) continue;
      byYear.set(m[1], [...(byYear.get(m[1]) ?? []), Number(m[2])]);
    }
    return [...byYear]
      .map(([year, ws]) => t('open.weeks_short', { count: ws.length, weeks: formatList(lang, weekRuns(ws)), year }))
      .join('; ');
  };
}

const STATE_COLOR: Record<OpenRequestState, 'info' | 'success' | 'neutral'> = { open: 'info', taken: 'success', withdrawn: 'neutral' };

export function OpenStateTag({ state }: { state: OpenRequestState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATE_COLOR[state] ?? 'neutral'} data-state={state} className="open-state-tag">
      {t(`open.state_${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** Wishes from schools that any provider may answer. While a server answers 404 we say so. */
export function OpenRequestList({ caption, query = {}, empty }: { caption: string; query?: Query; empty?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const weeksShort = useWeeksShort();
  const list = useOpenRequests(query);
  if (list.isPending) return <Loading />;
  if (list.isError)
    return isNotFound(list.error) ? (
      <Alert data-color="info">
        <Paragraph>{t('open.not_available')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={list.error} />
    );
  if (list.data.items.length === 0) return <Paragraph>{empty ?? t('open.none')}</Paragraph>;
  return (
    <DataTable<OpenRequest>
      caption={caption}
      hideCaption
      className="open-request-table"
      rows={list.data.items}
      rowKey={(r) => r.id}
      columns={[
        {
          key: 'school',
          header: t('open.wish'),
          cell: (r) => (
            <Link asChild>
              <RouterLink to={`/apne-foresporsler/${r.id}`}>
                {t('open.row_title', { school: r.school.name, grade: r.grade })}
              </RouterLink>
            </Link>
          ),
        },
        { key: 'municipality', header: t('open.municipality'), cell: (r) => r.school.municipality?.name ?? '' },
        { key: 'pupils', header: t('request.pupils_short'), cell: (r) => String(r.pupils), numeric: true },
        {
          key: 'subjects',
          header: t('offer.subjects'),
          cell: (r) => formatList(lang, r.subjects.map((s) => t(`subject.${s}`, { defaultValue: s }))) || t('open.any_subject'),
        },
        { key: 'weeks', header: t('open.weeks'), cell: (r) => weeksShort(r.weeks) },
        { key: 'answers', header: t('open.answers'), cell: (r) => String(r.answers?.length ?? 0), numeric: true },
        { key: 'state', header: t('request.state'), cell: (r) => <OpenStateTag state={r.state} /> },
      ]}
    />
  );
}

/**
 * Open wishes as cards for those who answer them (providers, coordinators): the wish in short,
 * and an answer form that opens in place when the server allows an answer.
 */
export function OpenRequestCards({ query = {}, me, empty }: { query?: Query; me: Person; empty?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const weeksShort = useWeeksShort();
  const list = useOpenRequests(query);
  // a provider sees only its own organisation's answers
  const ownOnly = providersOf(me).length > 0 && !isCoordinator(me);
  if (list.isPending) return <Loading />;
  if (list.isError)
    return isNotFound(list.error) ? (
      <Alert data-color="info">
        <Paragraph>{t('open.not_available')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={list.error} />
    );
  if (list.data.items.length === 0) return <Paragraph>{empty ?? t('open.none')}</Paragraph>;
  return (
    <ul className="plain-list stack open-request-cards">
      {list.data.items.map((r) => (
        <li key={r.id}>
          <Card data-color="neutral">
            <Card.Block className="stack">
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink to={`/apne-foresporsler/${r.id}`}>{t('open.row_title', { school: r.school.name, grade: r.grade })}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">
                {[
                  r.school.municipality?.name,
                  t('offer.pupils', { count: r.pupils, n: r.pupils }),
                  formatList(lang, r.subjects.map((s) => t(`subject.${s}`, { defaultValue: s }))) || t('open.any_subject'),
                  formatList(lang, r.formats.map((f) => t(`format.${f}`, { defaultValue: f }))) || t('open.any_format'),
                  weeksShort(r.weeks),
                  r.digital_ok ? t('open.digital_ok') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Paragraph>
              {r.note && <Paragraph className="preline">{r.note}</Paragraph>}
              {r.answers.length > 0 && (
                <Paragraph data-size="sm" className="muted">
                  {t(ownOnly ? 'open.answers_yours' : 'open.answers_seen', { count: r.answers.length })}
                </Paragraph>
              )}
            </Card.Block>
            {r.allowed.includes('answer') && (
              <Details>
                <Details.Summary>{t('open.answer_heading')}</Details.Summary>
                <Details.Content>
                  <AnswerForm req={r} me={me} />
                </Details.Content>
              </Details>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
