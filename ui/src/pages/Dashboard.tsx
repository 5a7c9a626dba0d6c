import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Card, Details, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange } from '../api/hooks';
import type { Organisation, OrganisationInput } from '../api/types';
import { PageHeading, RequireAuth, usePageTitle } from '../components/common';
import { JoinSchool, MyJoinRequests } from '../components/Joining';
import { ProviderForm } from '../components/ProviderForm';
import { countiesOf, isAdmin, isProvider, isTeacher } from '../lib/roles';

/** Registers a provider, then opens its profile page so its page is prepared while a coordinator decides. */
function RegisterProvider() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useChange<OrganisationInput, Organisation>('POST', `${API}/organisations`, [['me'], ['organisations']]);
  return (
    <ProviderForm
      submitLabel={t('org.register')}
      pending={register.isPending}
      error={register.error}
      onSubmit={(body) => register.mutate(body, { onSuccess: (o) => void navigate(`/min-side/tilbyder/profil/${encodeURIComponent(o.id)}?ny=1`) })}
    />
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  return (
    <RequireAuth>
      {(me) => {
        const cards = [
          isTeacher(me) && { to: '/min-side/laerer', title: t('dashboard.teacher'), text: t('dashboard.teacher_text') },
          isProvider(me) && { to: '/min-side/tilbyder', title: t('dashboard.provider'), text: t('dashboard.provider_text') },
          (countiesOf(me).length > 0 || isAdmin(me)) && {
            to: '/min-side/koordinator',
            title: t('dashboard.coordinator'),
            text: t('dashboard.coordinator_text'),
          },
          { to: '/min-side/varsler', title: t('settings.title'), text: t('settings.card') },
        ].filter(Boolean) as { to: string; title: string; text: string }[];
        return (
          <div className="stack-lg">
            <PageHeading lead={t('dashboard.lead', { name: me.name })}>{t('dashboard.title')}</PageHeading>
            <div className="cards">
              {cards.map((c) => (
                <Card key={c.to} data-color="neutral">
                  <Heading level={2} data-size="sm">
                    <Link asChild>
                      <RouterLink to={c.to}>{c.title}</RouterLink>
                    </Link>
                  </Heading>
                  <Paragraph>{c.text}</Paragraph>
                </Card>
              ))}
            </div>
            <MyJoinRequests />
            {isTeacher(me) ? (
              <Details>
                <Details.Summary>{t('join.other_school')}</Details.Summary>
                <Details.Content>
                  <JoinSchool />
                </Details.Content>
              </Details>
            ) : (
              <section className="stack" aria-labelledby="join-school">
                <Heading level={2} data-size="md" id="join-school">
                  {t('join.heading_teacher')}
                </Heading>
                <Paragraph>{t('join.lead_teacher')}</Paragraph>
                <JoinSchool />
              </section>
            )}
            <Details>
              <Details.Summary>{t('dashboard.register_provider')}</Details.Summary>
              <Details.Content>
                <Paragraph>{t('dashboard.register_text')}</Paragraph>
                <RegisterProvider />
              </Details.Content>
            </Details>
          </div>
        );
      }}
    </RequireAuth>
  );
}
