import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMunicipality } from '../api/hooks';
import type { Organisation } from '../api/types';

/** For a provider waiting for approval: who decides, what happens next, and what can be done meanwhile. */
export function PendingExplained({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const m = useMunicipality(org.municipality);
  const county = m.data?.county?.name;
  return (
    <Alert data-color="info">
      <Heading level={2} data-size="xs">
        {t('pending.heading')}
      </Heading>
      <Paragraph>{county ? t('pending.who_county', { county }) : t('pending.who_admin')}</Paragraph>
      <Paragraph>{t('pending.next')}</Paragraph>
      <ul>
        <li>{t('pending.meanwhile_profile')}</li>
        <li>{t('pending.meanwhile_offers')}</li>
      </ul>
    </Alert>
  );
}
