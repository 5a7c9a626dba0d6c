import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRequests, useSchool } from '../api/hooks';
import { CalendarLink } from '../components/CalendarLink';
import { JoinRequestsToDecide } from '../components/Joining';
import { OpenRequestList } from '../components/OpenRequestList';
import { RequestTable } from '../components/RequestTable';
import { HubLink, PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { schoolsOf } from '../lib/roles';
import { usePlaceName } from '../components/usePlaceName';

const BOOKED = new Set(['accepted', 'completed', 'not_held']);

function SchoolLine({ orgnr }: { orgnr: string }) {
  const placeName = usePlaceName();
  const s = useSchool(orgnr);
  const { t } = useTranslation();
  return (
    <li>
      {s.data ? `${s.data.name} (${placeName(s.data.municipality)})` : orgnr}{' '}
      <RouterLink to={`/tilbud?near=${orgnr}`}>{t('teacher.offers_near')}</RouterLink>
    </li>
  );
}

export default function TeacherDashboard() {
  const { t } = useTranslation();
  usePageTitle(t('teacher.title'));
  const requests = useRequests();
  return (
    <RequireAuth>
      {(me) => {
        const schools = schoolsOf(me);
        return (
          <div className="stack-lg">
            <PageHeading lead={t('teacher.lead')}>{t('teacher.title')}</PageHeading>
            <HubLink />
            <JoinRequestsToDecide hideWhenEmpty />
            <section className="stack" aria-labelledby="my-schools">
              <Heading level={2} data-size="sm" id="my-schools">
                {t('teacher.schools')}
              </Heading>
              <ul>
                {schools.map((s) => (
                  <SchoolLine key={s} orgnr={s} />
                ))}
              </ul>
            </section>
            <QueryState query={requests}>
              {(list) => {
                const mine = list.items.filter((r) => schools.includes(r.school.orgnr));
                const bookings = mine.filter((r) => BOOKED.has(r.state));
                const open = mine.filter((r) => !BOOKED.has(r.state));
                return (
                  <>
                    <section className="stack" aria-labelledby="my-bookings">
                      <Heading level={2} data-size="sm" id="my-bookings">
                        {t('teacher.bookings')}
                      </Heading>
                      {bookings.length ? (
                        <RequestTable caption={t('teacher.bookings')} rows={bookings} side="school" />
                      ) : (
                        <Paragraph>{t('teacher.no_bookings')}</Paragraph>
                      )}
                    </section>
                    <section className="stack" aria-labelledby="my-requests">
                      <Heading level={2} data-size="sm" id="my-requests">
                        {t('teacher.requests')}
                      </Heading>
                      {open.length ? (
                        <RequestTable caption={t('teacher.requests')} rows={open} side="school" />
                      ) : (
                        <Paragraph>{t('teacher.no_requests')}</Paragraph>
                      )}
                    </section>
                  </>
                );
              }}
            </QueryState>
            <section className="stack" aria-labelledby="my-open">
              <Heading level={2} data-size="sm" id="my-open">
                {t('open.mine')}
              </Heading>
              <Paragraph>{t('open.explain_teacher')}</Paragraph>
              <OpenRequestList caption={t('open.mine')} empty={t('open.none_teacher')} />
              <div>
                <Button asChild variant="secondary">
                  <RouterLink to="/apne-foresporsler/ny">{t('open.new')}</RouterLink>
                </Button>
              </div>
            </section>
            <section className="stack" aria-labelledby="calendar">
              <Heading level={2} data-size="sm" id="calendar">
                {t('calendar.title')}
              </Heading>
              <CalendarLink />
            </section>
          </div>
        );
      }}
    </RequireAuth>
  );
}
