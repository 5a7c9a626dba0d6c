import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useOffer, useOpenRequest, useSlots } from '../api/hooks';
import type { BookingRequest, OpenRequest, OpenRequestAnswer, OpenRequestTakeInput, Person } from '../api/types';
import { ErrorAlert, Loading, PageHeading, RequireAuth, usePageTitle } from '../components/common';
import { OpenStateTag, useWeekLabel } from '../components/OpenRequestList';
import { AnswerForm } from '../components/OpenRequestAnswer';
import { formatDateTime, formatList, formatSpan } from '../lib/format';
import { countiesOf, isAdmin, providersOf, schoolsOf } from '../lib/roles';
import { usePlaceName } from '../components/usePlaceName';

const keys = (id: string) => [['open-request', id], ['open-requests']];

/** The time of the slot an answer names (answers carry only the slot's id). */
function SlotTime({ offerId, slotId }: { offerId: string; slotId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const slots = useSlots(offerId);
  const slot = slots.data?.items.find((s) => s.id === slotId);
  if (!slot) return null;
  return <Paragraph>{t('open.answer_slot', { when: formatSpan(lang, slot.starts_at, slot.ends_at) })}</Paragraph>;
}

function Answer({ req, answer }: { req: OpenRequest; answer: OpenRequestAnswer }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const navigate = useNavigate();
  const take = useChange<OpenRequestTakeInput, BookingRequest>('POST', `${API}/open-requests/${req.id}/take`, [...keys(req.id), ['requests']]);
  const canTake = req.allowed.includes('take') && !!answer.offer;
  // the request goes to the offer's provider, who may not be the one who answered (a coordinator)
  const offer = useOffer(canTake ? answer.offer?.id : undefined);
  const provider = offer.data?.organisation.name ?? answer.organisation?.name;
  const from = answer.organisation ? `${answer.organisation.name} · ${answer.author.name}` : answer.author.name;
  return (
    <li>
      <Card data-color="neutral" className="stack answer">
        <Heading level={3} data-size="2xs">
          {from}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          <time dateTime={answer.created_at}>{formatDateTime(lang, answer.created_at)}</time>
        </Paragraph>
        <Paragraph className="preline">{answer.body}</Paragraph>
        {answer.offer && (
          <Paragraph>
            {t('open.answer_offer')}{' '}
            <Link asChild>
              <RouterLink to={`/tilbud/${answer.offer.id}`}>{answer.offer.title}</RouterLink>
            </Link>
          </Paragraph>
        )}
        {answer.offer && answer.slot_id && <SlotTime offerId={answer.offer.id} slotId={answer.slot_id} />}
        {take.isError && <ErrorAlert error={take.error} />}
        {canTake && (
          <div>
            <Button
              onClick={() => take.mutate({ answer_id: answer.id }, { onSuccess: (r) => navigate(`/foresporsel/${r.id}`, { state: { created: true } }) })}
              loading={take.isPending}
              aria-describedby={`take-hint-${answer.id}`}
            >
              {t('open.take')}
            </Button>
            <Paragraph data-size="sm" className="muted" id={`take-hint-${answer.id}`}>
              {provider ? t('open.take_hint', { org: provider }) : t('open.take_hint_plain')}
            </Paragraph>
          </div>
        )}
      </Card>
    </li>
  );
}

function Body({ req, me }: { req: OpenRequest; me: Person }) {
  const placeName = usePlaceName();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const location = useLocation();
  const weekLabel = useWeekLabel();
  const isSchool = schoolsOf(me).includes(req.school.orgnr);
  const withdraw = useChange<undefined, OpenRequest>('POST', `${API}/open-requests/${req.id}/withdraw`, keys(req.id));
  const back = isSchool ? '/min-side/laerer' : providersOf(me).length ? '/min-side/tilbyder' : countiesOf(me).length || isAdmin(me) ? '/min-side/koordinator' : '/min-side';
  const ownOnly = !isSchool && providersOf(me).length > 0 && countiesOf(me).length === 0 && !isAdmin(me);
  return (
    <div className="stack-lg">
      <PageHeading
        lead={`${req.school.name} · ${t('grade.label', { grade: req.grade })} · ${t('offer.pupils', { count: req.pupils, n: req.pupils })}`}
      >
        {t('open.title')}
      </PageHeading>
      {(location.state as { created?: boolean } | null)?.created && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('open.created')}</Paragraph>
        </Alert>
      )}
      {req.state === 'taken' && req.request_id && (
        <Alert data-color="success">
          <Paragraph>
            {t('open.taken_text')}{' '}
            <Link asChild>
              <RouterLink to={`/foresporsel/${req.request_id}`}>{t('open.see_request')}</RouterLink>
            </Link>
          </Paragraph>
        </Alert>
      )}
      <dl className="facts">
        <dt>{t('request.state')}</dt>
        <dd>
          <OpenStateTag state={req.state} />
        </dd>
        <dt>{t('request.school')}</dt>
        <dd>
          {req.school.name} ({placeName(req.school.municipality)}
          {req.school.county ? `, ${req.school.county.name}` : ''})
        </dd>
        <dt>{t('open.subjects')}</dt>
        <dd>{formatList(lang, req.subjects.map((s) => t(`subject.${s}`, { defaultValue: s }))) || t('open.any_subject')}</dd>
        <dt>{t('open.formats')}</dt>
        <dd>{formatList(lang, req.formats.map((f) => t(`format.${f}`, { defaultValue: f }))) || t('open.any_format')}</dd>
        <dt>{t('open.digital_ok')}</dt>
        <dd>{req.digital_ok ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('open.weeks')}</dt>
        <dd>
          <ul className="plain-list">
            {req.weeks.map((w) => (
              <li key={w}>{weekLabel(w)}</li>
            ))}
          </ul>
        </dd>
        {req.note && (
          <>
            <dt>{t('open.note')}</dt>
            <dd className="preline">{req.note}</dd>
          </>
        )}
        <dt>{t('request.created_at')}</dt>
        <dd>{formatDateTime(lang, req.created_at)}</dd>
      </dl>
      <section className="stack" aria-labelledby="answers">
        <Heading level={2} data-size="sm" id="answers">
          {t('open.answers')}
        </Heading>
        {ownOnly && (
          <Paragraph data-size="sm" className="muted">
            {t('open.own_answers_only')}
          </Paragraph>
        )}
        {req.answers.length === 0 ? (
          <Paragraph>{isSchool && req.state === 'open' ? t('open.no_answers_school') : t('open.no_answers')}</Paragraph>
        ) : (
          <ul className="plain-list stack">
            {req.answers.map((a) => (
              <Answer key={a.id} req={req} answer={a} />
            ))}
          </ul>
        )}
      </section>
      {req.allowed.includes('answer') && (
        <section className="stack" aria-labelledby="answer-heading">
          <Heading level={2} data-size="sm" id="answer-heading">
            {t('open.answer_heading')}
          </Heading>
          <AnswerForm req={req} me={me} key={req.id} />
        </section>
      )}
      {req.allowed.includes('withdraw') && (
        <section className="stack" aria-labelledby="withdraw-heading">
          <Heading level={2} data-size="sm" id="withdraw-heading">
            {t('open.withdraw_heading')}
          </Heading>
          <Paragraph>{t('open.withdraw_explain')}</Paragraph>
          {withdraw.isError && <ErrorAlert error={withdraw.error} />}
          <div>
            <Button variant="secondary" data-color="danger" onClick={() => withdraw.mutate(undefined)} loading={withdraw.isPending}>
              {t('open.withdraw')}
            </Button>
          </div>
        </section>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={back}>{t('request.back')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

export default function OpenRequestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('open.title'));
  const req = useOpenRequest(id);
  return (
    <RequireAuth>
      {(me) =>
        req.isPending ? (
          <Loading />
        ) : req.isError ? (
          isNotFound(req.error) ? (
            <div className="stack">
              <PageHeading>{t('open.title')}</PageHeading>
              <Alert data-color="info">
                <Paragraph>{t('open.not_found')}</Paragraph>
              </Alert>
            </div>
          ) : (
            <ErrorAlert error={req.error} />
          )
        ) : (
          <Body req={req.data} me={me} />
        )
      }
    </RequireAuth>
  );
}
