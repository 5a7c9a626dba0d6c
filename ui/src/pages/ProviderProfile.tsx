import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useOrganisation } from '../api/hooks';
import type { Organisation, OrganisationInput } from '../api/types';
import { FileSection } from '../components/FileSection';
import { PendingExplained } from '../components/PendingExplained';
import { ProviderForm } from '../components/ProviderForm';
import { PageHeading, QueryState, RequireAuth, usePageTitle } from '../components/common';
import { NotFoundPage } from './NotFound';

const STATUS_COLOR = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

function Profile({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  usePageTitle(t('orgprofile.title', { name: org.name }));
  const [params] = useSearchParams();
  const [saved, setSaved] = useState(false);
  const save = useChange<OrganisationInput, Organisation>('PATCH', `${API}/organisations/${org.id}`, [['organisation', org.id], ['organisations']]);
  const base = `${API}/organisations/${org.id}`;
  const invalidate = [['organisation', org.id], ['organisations']];
  return (
    <div className="stack-lg">
      <PageHeading lead={t('orgprofile.lead')}>{t('orgprofile.title', { name: org.name })}</PageHeading>
      <div className="tags">
        <Tag data-color={STATUS_COLOR[org.status]}>{t(`org.status_${org.status}`)}</Tag>
        <Tag data-color="neutral">{t(`org.kind_${org.kind}`)}</Tag>
      </div>
      {params.get('ny') && (
        <Alert data-color="success">
          <Paragraph>{t('orgprofile.registered', { name: org.name })}</Paragraph>
        </Alert>
      )}
      {org.status === 'pending' && <PendingExplained org={org} />}
      {org.status === 'approved' && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/tilbyder/${encodeURIComponent(org.id)}`}>{t('orgprofile.see_page')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <section className="stack" aria-labelledby="profile-fields">
        <Heading level={2} data-size="sm" id="profile-fields">
          {t('orgprofile.about')}
        </Heading>
        <ProviderForm
          org={org}
          submitLabel={t('orgprofile.save')}
          pending={save.isPending}
          error={save.error}
          onSubmit={(body) => {
            setSaved(false);
            save.mutate(body, { onSuccess: () => setSaved(true) });
          }}
        />
        <div role="status">{saved && <Paragraph>{t('orgprofile.saved')}</Paragraph>}</div>
      </section>
      <section className="stack" aria-labelledby="profile-pictures">
        <Heading level={2} data-size="sm" id="profile-pictures">
          {t('orgprofile.pictures')}
        </Heading>
        <FileSection base={base} role="logo" texts="logo" files={org.logo ? [org.logo] : []} invalidate={invalidate} pictures />
        <FileSection base={base} role="picture" texts="org_picture" files={org.pictures} invalidate={invalidate} pictures />
      </section>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/min-side/tilbyder">{t('provider.back')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

/** A provider's own profile: the texts of its public page, its logo and pictures; kept while it waits for approval. */
export default function ProviderProfilePage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      {() => <ProfileOf id={id} />}
    </RequireAuth>
  );
}

function ProfileOf({ id }: { id: string | undefined }) {
  const org = useOrganisation(id);
  if (org.isError && isNotFound(org.error)) return <NotFoundPage />;
  return <QueryState query={org}>{(o) => <Profile key={o.id} org={o} />}</QueryState>;
}
