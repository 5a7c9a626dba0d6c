import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useJoinRequestsToDecide, useMyJoinRequests, useSchools } from '../api/hooks';
import type { JoinRequest } from '../api/types';
import { formatDateTime } from '../lib/format';
import { ErrorAlert, QueryState } from './common';
import { fieldError } from './forms';

const STATE_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

/** The caller's own requests to join, with where each stands. */
export function MyJoinRequests() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const mine = useMyJoinRequests();
  if (!mine.data || mine.data.items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="my-joins">
      <Heading level={2} data-size="sm" id="my-joins">
        {t('join.mine')}
      </Heading>
      <ul className="plain-list stack">
        {mine.data.items.map((j) => (
          <li key={j.id} className="stack-sm">
            <span>
              <strong>{j.organisation.name}</strong> · {t(`join.role_${j.role}`)} · {formatDateTime(lang, j.created_at)}{' '}
              <Tag data-color={STATE_COLOR[j.state]}>{t(`join.state_${j.state}`)}</Tag>
            </span>
            {j.state === 'pending' && <Paragraph data-size="sm">{t('join.pending_explain')}</Paragraph>}
            {j.state === 'rejected' && j.reason && <Paragraph data-size="sm">{t('join.reason', { reason: j.reason })}</Paragraph>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A teacher finds their school and asks to join it; the school's contact, or the county's
 * coordinator when it has none, lets them in.
 */
export function JoinSchool() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<{ orgnr: string; name: string } | null>(null);
  const [role, setRole] = useState<'teacher' | 'school_contact'>('teacher');
  const [message, setMessage] = useState('');
  const found = useSchools({ q, limit: 8 }, q.trim().length >= 2);
  const ask = useChange<{ role: string; message: string }, JoinRequest>('POST', `${API}/organisations/school:${chosen?.orgnr}/join`, [['join-requests']]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) ask.mutate({ role, message });
  };
  if (ask.isSuccess)
    return (
      <Alert data-color="success" role="status">
        <Paragraph>{t('join.asked', { school: ask.data.organisation.name })}</Paragraph>
      </Alert>
    );
  return (
    <div className="stack">
      <Textfield label={t('join.search')} description={t('join.search_help')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {q.trim().length >= 2 && (
        <QueryState query={found}>
          {(page) =>
            page.items.length === 0 ? (
              <Paragraph>{t('join.no_school', { q })}</Paragraph>
            ) : (
              <Fieldset>
                <Fieldset.Legend>{t('join.choose_school')}</Fieldset.Legend>
                {page.items.map((s) => (
                  <Radio
                    key={s.orgnr}
                    name="school"
                    value={s.orgnr}
                    label={`${s.name}, ${s.municipality.name}${s.county?.name ? ` (${s.county.name})` : ''}`}
                    checked={chosen?.orgnr === s.orgnr}
                    onChange={() => setChosen({ orgnr: s.orgnr, name: s.name })}
                  />
                ))}
              </Fieldset>
            )
          }
        </QueryState>
      )}
      {chosen && (
        <form className="form" onSubmit={submit} noValidate>
          <Fieldset>
            <Fieldset.Legend>{t('join.as', { school: chosen.name })}</Fieldset.Legend>
            <Radio name="role" value="teacher" label={t('join.role_teacher')} checked={role === 'teacher'} onChange={() => setRole('teacher')} />
            <Radio
              name="role"
              value="school_contact"
              label={t('join.role_school_contact')}
              description={t('join.school_contact_help')}
              checked={role === 'school_contact'}
              onChange={() => setRole('school_contact')}
            />
          </Fieldset>
          <Textfield label={t('join.message')} description={t('join.message_help')} multiline rows={2} value={message} onChange={(e) => setMessage(e.target.value)} error={fieldError(ask.error, 'message')} />
          {ask.isError && !fieldError(ask.error, 'message') && <ErrorAlert error={ask.error} />}
          <Button type="submit" loading={ask.isPending}>
            {t('join.ask', { school: chosen.name })}
          </Button>
        </form>
      )}
    </div>
  );
}

function Decide({ j, onDecided }: { j: JoinRequest; onDecided: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [reason, setReason] = useState('');
  const keys = [['join-requests'], ['me']];
  const approve = useChange<undefined, JoinRequest>('POST', `${API}/join-requests/${j.id}/approve`, keys);
  const reject = useChange<{ reason: string }, JoinRequest>('POST', `${API}/join-requests/${j.id}/reject`, keys);
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        {t('join.card_title', { person: j.person.name, role: t(`join.role_${j.role}`), place: j.organisation.name })}
      </Heading>
      <Paragraph data-size="sm">
        {j.person.email} · {formatDateTime(lang, j.created_at)}
      </Paragraph>
      {j.message && <Paragraph>«{j.message}»</Paragraph>}
      {approve.isError && <ErrorAlert error={approve.error} />}
      {reject.isError && <ErrorAlert error={reject.error} />}
      <div className="row">
        <Button onClick={() => approve.mutate(undefined, { onSuccess: () => onDecided(t('join.let_in_now', { person: j.person.name, place: j.organisation.name })) })} loading={approve.isPending}>
          {t('join.let_in', { person: j.person.name })}
        </Button>
      </div>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          reject.mutate({ reason }, { onSuccess: () => onDecided(t('join.turned_away_now', { person: j.person.name })) });
        }}
      >
        <Textfield label={t('join.reject_reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(reject.error, 'reason')} />
        <Button type="submit" variant="secondary" data-color="danger" loading={reject.isPending}>
          {t('join.turn_away')}
        </Button>
      </form>
    </Card>
  );
}

/** The requests to join the signed-in person may decide: a school's contact, a coordinator. */
export function JoinRequestsToDecide({ headingLevel = 2, hideWhenEmpty = false }: { headingLevel?: 2 | 3; hideWhenEmpty?: boolean }) {
  const { t } = useTranslation();
  const list = useJoinRequestsToDecide();
  const [decided, setDecided] = useState('');
  const items = list.data?.items ?? [];
  if (hideWhenEmpty && items.length === 0 && !decided) return null;
  return (
    <section className="stack" aria-labelledby="join-requests">
      <Heading level={headingLevel} data-size="md" id="join-requests">
        {t('join.to_decide')}
      </Heading>
      <div role="status">{decided && <Alert data-color="success">{decided}</Alert>}</div>
      <QueryState query={list}>
        {() =>
          items.length === 0 ? (
            <Paragraph>{t('join.none_to_decide')}</Paragraph>
          ) : (
            <div className="cards">
              {items.map((j) => (
                <Decide key={j.id} j={j} onDecided={setDecided} />
              ))}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
