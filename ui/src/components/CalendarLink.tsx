import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange } from '../api/hooks';
import type { CalendarFeedAddress } from '../api/types';
import { ErrorAlert } from './common';

/** A secret calendar-feed address (POST /api/v1/calendar); asking again revokes the old one. */
export function CalendarLink() {
  const { t } = useTranslation();
  const make = useChange<undefined, CalendarFeedAddress>('POST', `${API}/calendar`, []);
  const url = make.data ? new URL(make.data.url, window.location.origin).toString() : '';
  return (
    <div className="stack">
      <Paragraph>{t('calendar.text')}</Paragraph>
      {make.isError && <ErrorAlert error={make.error} />}
      {url && (
        <Alert data-color="info" role="status">
          <Textfield label={t('calendar.address')} readOnly value={url} onFocus={(e) => e.target.select()} />
          <Paragraph data-size="sm">{t('calendar.secret')}</Paragraph>
        </Alert>
      )}
      <div>
        <Button variant="secondary" onClick={() => make.mutate(undefined)} loading={make.isPending}>
          {url ? t('calendar.renew') : t('calendar.make')}
        </Button>
      </div>
    </div>
  );
}
