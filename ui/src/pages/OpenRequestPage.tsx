import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useOpenRequest } from '../api/hooks';
import type { BookingRequest, OpenRequest, OpenRequestAnswer, Person } from '../api/types';
import { ErrorAlert, Loading, PageHeading, RequireAuth, usePageTitle } from '../components/common';
import { schoolName } from '../components/OpenRequestList';
import { formatDateTime, formatList } from '../lib/format';
import { isCoordinator, isProvider, schoolsOf } from '../lib/roles';

function Answer({ req, answer, canTake }: { req: OpenRequest; answer: OpenRequestAnswer; canTake: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const navigate = useNavigate();
  const take = useChange<{ answer_id: string }, BookingRequest>('POST', `${API}/open-requests/${req.id}/take`, [['open-request', req.id], ['requests']]);
  return (
    <Card data-color="neutral" className="stack">
      <Paragraph data-size="sm" className="muted">
        {[answer.organisation?.name, answer.author?.name].filter(Boolean).join(' – ')}
        {answer.created_at && `, ${formatDateTime(lang, answer.created_at)}`}
      </Paragraph>
      <Paragraph className="preline">{answer.body}</Paragraph>
      {answer.offer && <Paragraph>{t('open.answer_offer', { title: answer.offer.title })}</Paragraph>}
      {take.isError && <ErrorAlert error={take.error} />}
      {canTake && (
        <div>
          <Button onClick={() => take.mutate({ answer_id: answer.id }, { onSuccess: (r) => r?.id && navigate(`/foresporsel/${r.id}`) })} loading={take.isPending}>
            {t('open.take')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function Body({ req, me }: { req: OpenRequest; me: Person }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const [body, setBody] = useState('');
  const orgnr = typeof req.school === 'string' ? req.school : req.school.orgnr;
  const isSchool = schoolsOf(me).includes(orgnr);
  const canAnswer = isProvider(me) || isCoordinator(me);
  const answer = useChange<{ body: string }, unknown>('POST', `${API}/open-requests/${req.id}/answers`, [['open-request', req.id], ['open-requests']]);
  const withdraw = useChange<undefined, unknown>('POST', `${API}/open-requests/${req.id}/withdraw`, [['open-request', req.id], ['open-requests']]);
  return (
    <div className="stack-lg">
      <PageHeading lead={`${schoolName(req)} · ${t('grade.label', { grade: req.grade })}`}>{t('open.title')}</PageHeading>
      <dl className="facts">
        <dt>{t('offer.subjects')}</dt>
        <dd>{formatList(lang, req.subjects.map((s) => t(`subject.${s}`, { defaultValue: s }))) || '–'}</dd>
        <dt>{t('open.formats')}</dt>
        <dd>{formatList(lang, req.formats.map((f) => t(`format.${f}`, { defaultValue: f }))) || '–'}</dd>
        <dt>{t('open.weeks')}</dt>
        <dd>{req.weeks.join(', ') || '–'}</dd>
        <dt>{t('open.digital_ok')}</dt>
        <dd>{req.digital_ok ? t('common.yes') : t('common.no')}</dd>
        {req.note && (
          <>
            <dt>{t('open.note')}</dt>
            <dd className="preline">{req.note}</dd>
          </>
        )}
        {req.state && (
          <>
            <dt>{t('request.state')}</dt>
            <dd>{t(`open.state_${req.state}`, { defaultValue: req.state })}</dd>
          </>
        )}
      </dl>
      <section className="stack" aria-labelledby="answers">
        <Heading level={2} data-size="sm" id="answers">
          {t('open.answers')}
        </Heading>
        {(req.answers ?? []).length === 0 ? (
          <Paragraph>{t('open.no_answers')}</Paragraph>
        ) : (
          (req.answers ?? []).map((a) => <Answer key={a.id} req={req} answer={a} canTake={isSchool} />)
        )}
      </section>
      {canAnswer && !isSchool && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ body }, { onSuccess: () => setBody('') });
          }}
        >
          {answer.isError && <ErrorAlert error={answer.error} />}
          <Textfield label={t('open.your_answer')} multiline rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
          <Button type="submit" loading={answer.isPending}>
            {t('open.answer')}
          </Button>
        </form>
      )}
      {isSchool && req.state !== 'withdrawn' && (
        <div>
          {withdraw.isError && <ErrorAlert error={withdraw.error} />}
          <Button variant="secondary" onClick={() => withdraw.mutate(undefined)} loading={withdraw.isPending}>
            {t('open.withdraw')}
          </Button>
        </div>
      )}
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
