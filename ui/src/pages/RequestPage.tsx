import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Alert, Button, Card, Fieldset, Heading, Link, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange, useRequest, useSlots } from '../api/hooks';
import type { BookingMessageInput, BookingRequest, Move, MoveInput, Person } from '../api/types';
import { ErrorAlert, PageHeading, QueryState, RequireAuth, StateTag, usePageTitle } from '../components/common';
import { formatDateTime, formatSpan } from '../lib/format';
import { isCoordinator, providersOf, schoolsOf } from '../lib/roles';
import { NotFoundPage } from './NotFound';

const HAS_TIME = new Set(['accepted', 'completed', 'not_held', 'cancelled']);

function MoveForm<M extends Move>({
  request,
  move,
  children,
  body,
  primary,
  confirm,
}: {
  request: BookingRequest;
  move: M;
  children?: ReactNode;
  body?: () => MoveInput<M> | undefined;
  primary?: boolean;
  /** Asked before the move is made (a move that cannot be undone). */
  confirm?: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const change = useChange<MoveInput<M> | undefined, BookingRequest>(
    'POST',
    `${API}/requests/${request.id}/${move}`,
    [['request', request.id], ['requests']],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (confirm && !asking) {
      setAsking(true);
      return;
    }
    setAsking(false);
    change.mutate(body?.());
  };
  const explain = t(`move.explain_${move}`, { defaultValue: '' });
  return (
    <form onSubmit={submit} className="form move-form" aria-label={t(`move.${move}`)}>
      {explain && <Paragraph data-size="sm">{explain}</Paragraph>}
      {change.isError && <ErrorAlert error={change.error} />}
      {children}
      {asking ? (
        <Alert data-color="warning" role="alertdialog" aria-label={t(`move.${move}`)}>
          <Paragraph>{confirm}</Paragraph>
          <div className="row">
            <Button type="submit" data-color="danger" loading={change.isPending} data-move={move} autoFocus>
              {t(`move.confirm_${move}`)}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              {t('move.keep')}
            </Button>
          </div>
        </Alert>
      ) : (
        <Button type="submit" variant={primary ? 'primary' : 'secondary'} loading={change.isPending} data-move={move}>
          {t(`move.${move}`)}
        </Button>
      )}
    </form>
  );
}

function Moves({ request, me }: { request: BookingRequest; me: Person }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const isProvider = providersOf(me).includes(request.offer.provider);
  const slots = useSlots(isProvider && request.allowed_moves.includes('accept') ? request.offer.id : undefined);
  const [slot, setSlot] = useState(request.slot?.id ?? '');
  const [time, setTime] = useState('');
  const [reason, setReason] = useState<Record<string, string>>({});
  const [score, setScore] = useState('5');
  const [comment, setComment] = useState('');
  const [counts, setCounts] = useState({ pupils_reached: '', girls: '', boys: '' });
  const reasonField = (move: Move) => (
    <Textfield
      label={t('move.reason')}
      value={reason[move] ?? ''}
      onChange={(e) => setReason((r) => ({ ...r, [move]: e.target.value }))}
      required
    />
  );
  const num = (s: string) => (s === '' ? undefined : Number(s));

  if (request.allowed_moves.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="moves-heading">
      <Heading level={2} data-size="sm" id="moves-heading">
        {t('move.heading')}
      </Heading>
      <div className="moves">
        {request.allowed_moves.map((m) => {
          switch (m) {
            case 'accept':
              return isProvider ? (
                <Card key={m} data-color="neutral">
                  <MoveForm request={request} move="accept" primary body={() => (slot ? { slot_id: slot } : undefined)}>
                    {(slots.data?.items.length ?? 0) > 0 && (
                      <Fieldset>
                        <Fieldset.Legend>{t('move.choose_slot')}</Fieldset.Legend>
                        {slots.data!.items.map((s) => (
                          <Radio
                            key={s.id}
                            name="accept-slot"
                            value={s.id}
                            label={formatSpan(lang, s.starts_at, s.ends_at)}
                            description={t('offer.free_places', { count: s.free })}
                            checked={slot === s.id}
                            onChange={(e) => setSlot(e.target.value)}
                          />
                        ))}
                      </Fieldset>
                    )}
                  </MoveForm>
                </Card>
              ) : (
                <Card key={m} data-color="neutral">
                  <Paragraph>{t('move.accept_proposal', { time: formatDateTime(lang, request.proposed_time) })}</Paragraph>
                  <MoveForm request={request} move="accept" primary />
                </Card>
              );
            case 'propose':
              return (
                <Card key={m} data-color="neutral">
                  <MoveForm request={request} move="propose" body={() => ({ time })}>
                    <Textfield label={t('move.time')} type="datetime-local" value={time} onChange={(e) => setTime(e.target.value)} required />
                  </MoveForm>
                </Card>
              );
            case 'decline':
            case 'cancel':
            case 'not_held':
              return (
                <Card key={m} data-color="neutral">
                  <MoveForm
                    request={request}
                    move={m}
                    body={() => ({ reason: reason[m] ?? '' })}
                    confirm={m === 'cancel' ? t(request.state === 'accepted' ? 'move.confirm_cancel_booking' : 'move.confirm_cancel_request', { offer: request.offer.title }) : undefined}
                  >
                    {reasonField(m)}
                  </MoveForm>
                </Card>
              );
            case 'complete':
              return (
                <Card key={m} data-color="neutral">
                  <MoveForm request={request} move="complete" />
                </Card>
              );
            case 'feedback':
              return (
                <Card key={m} data-color="neutral">
                  <MoveForm
                    request={request}
                    move="feedback"
                    body={() => ({
                      score: Number(score),
                      comment,
                      ...(isProvider
                        ? {}
                        : { pupils_reached: num(counts.pupils_reached), girls: num(counts.girls), boys: num(counts.boys) }),
                    })}
                  >
                    <Fieldset>
                      <Fieldset.Legend>{t('move.score')}</Fieldset.Legend>
                      <div className="inline-radios">
                        {['1', '2', '3', '4', '5'].map((s) => (
                          <Radio key={s} name="score" value={s} label={s} checked={score === s} onChange={(e) => setScore(e.target.value)} />
                        ))}
                      </div>
                    </Fieldset>
                    <Textfield label={t('move.comment')} multiline rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
                    {!isProvider && (
                      <div className="grid-3">
                        {(['pupils_reached', 'girls', 'boys'] as const).map((k) => (
                          <Textfield
                            key={k}
                            label={t(`move.${k}`)}
                            type="number"
                            inputMode="numeric"
                            min={0}
                            value={counts[k]}
                            onChange={(e) => setCounts((c) => ({ ...c, [k]: e.target.value }))}
                          />
                        ))}
                      </div>
                    )}
                  </MoveForm>
                </Card>
              );
            default:
              return null;
          }
        })}
      </div>
    </section>
  );
}

function Thread({ request, party }: { request: BookingRequest; party: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [body, setBody] = useState('');
  const send = useChange<BookingMessageInput, BookingRequest>('POST', `${API}/requests/${request.id}/messages`, [['request', request.id]]);
  return (
    <section className="stack" aria-labelledby="thread-heading">
      <Heading level={2} data-size="sm" id="thread-heading">
        {t('request.messages')}
      </Heading>
      {request.messages.length === 0 ? (
        <Paragraph>{t('request.no_messages')}</Paragraph>
      ) : (
        <ol className="thread">
          {request.messages.map((m) => (
            <li key={m.id}>
              <Paragraph data-size="sm" className="muted">
                {m.author.name}, <time dateTime={m.created_at}>{formatDateTime(lang, m.created_at)}</time>
              </Paragraph>
              <Paragraph className="preline">{m.body}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {party && (
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ body }, { onSuccess: () => setBody('') });
        }}
      >
        {send.isError && <ErrorAlert error={send.error} />}
        <Textfield label={t('request.new_message')} multiline rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <Button type="submit" variant="secondary" loading={send.isPending}>
          {t('request.send_message')}
        </Button>
      </form>
      )}
    </section>
  );
}

/** The school's and the provider's people; a coordinator or an admin only looks on. */
const isParty = (me: Person, r: BookingRequest) => schoolsOf(me).includes(r.school.orgnr) || providersOf(me).includes(r.offer.provider);

function backTo(me: Person, r: BookingRequest): string {
  if (providersOf(me).includes(r.offer.provider)) return '/min-side/tilbyder';
  if (schoolsOf(me).includes(r.school.orgnr)) return '/min-side/laerer';
  return isCoordinator(me) ? '/min-side/koordinator' : '/min-side';
}

export default function RequestPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const location = useLocation();
  const request = useRequest(id);
  usePageTitle(request.data ? `${t('request.title')}: ${request.data.offer.title}` : t('request.title'));
  return (
    <RequireAuth>
      {(me) => (
        <QueryState query={request} notFound={<NotFoundPage />}>
          {(r) => (
            <div className="stack-lg">
              <PageHeading lead={`${r.school.name} · ${t('grade.label', { grade: r.grade })} · ${t('offer.pupils', { count: r.pupils, n: r.pupils })}`}>
                {t('request.title')}: {r.offer.title}
              </PageHeading>
              {(location.state as { created?: boolean } | null)?.created && (
                <Alert data-color="success" role="status">
                  <Paragraph>{t('request.created')}</Paragraph>
                </Alert>
              )}
              <dl className="facts">
                <dt>{t('request.state')}</dt>
                <dd>
                  <StateTag state={r.state} />
                </dd>
                <dt>{t('request.offer')}</dt>
                <dd>
                  <Link asChild>
                    <RouterLink to={`/tilbud/${r.offer.id}`}>{r.offer.title}</RouterLink>
                  </Link>
                </dd>
                {r.slot && (
                  <>
                    <dt>{t('request.time')}</dt>
                    <dd>{formatSpan(lang, r.slot.starts_at, r.slot.ends_at)}</dd>
                  </>
                )}
                {r.proposed_time && (
                  <>
                    <dt>{t('request.proposed_time')}</dt>
                    <dd>{formatDateTime(lang, r.proposed_time)}</dd>
                  </>
                )}
                {r.wished && (
                  <>
                    <dt>{t('request.wished')}</dt>
                    <dd>{r.wished}</dd>
                  </>
                )}
                {r.reason && (
                  <>
                    <dt>{t('request.reason')}</dt>
                    <dd>{r.reason}</dd>
                  </>
                )}
                <dt>{t('request.created_at')}</dt>
                <dd>{formatDateTime(lang, r.created_at)}</dd>
              </dl>
              {HAS_TIME.has(r.state) && (r.slot || r.proposed_time) && (
                <Paragraph>
                  <Link href={`${API}/bookings/${r.id}.ics`} download>
                    {t('request.add_to_calendar')}
                  </Link>
                </Paragraph>
              )}
              <Moves request={r} me={me} key={`${r.id}-${r.state}`} />
              {isParty(me, r) ? (
                <Thread request={r} party />
              ) : (
                <Alert data-color="info">
                  <Paragraph>{t('request.read_only')}</Paragraph>
                </Alert>
              )}
              <Paragraph>
                <Link asChild>
                  <RouterLink to={backTo(me, r)}>
                    {t('request.back')}
                  </RouterLink>
                </Link>
              </Paragraph>
            </div>
          )}
        </QueryState>
      )}
    </RequireAuth>
  );
}
