import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Link, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading, usePageTitle } from '../components/common';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notfound.title'));
  return (
    <div className="stack">
      <PageHeading lead={t('notfound.lead')}>{t('notfound.title')}</PageHeading>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('notfound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
