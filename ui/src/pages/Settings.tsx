import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { API, apiGet, isNotFound } from '../api/client';
import { useChange } from '../api/hooks';
import { ErrorAlert, Loading, PageHeading, RequireAuth, usePageTitle } from '../components/common';

type Prefs = Record<string, boolean | string | number | null>;

/**
 * Notification preferences (GET/PATCH /api/v1/me/notifications). The server's shape is not
 * fixed yet: every boolean member is shown as a switch, named by its key when we have no text.
 */
function Form() {
  const { t } = useTranslation();
  const prefs = useQuery({ queryKey: ['notifications'], queryFn: () => apiGet<Prefs>(`${API}/me/notifications`), retry: false });
  const [draft, setDraft] = useState<Prefs>({});
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data);
  }, [prefs.data]);
  const save = useChange<Prefs, Prefs>('PATCH', `${API}/me/notifications`, [['notifications']]);
  if (prefs.isPending) return <Loading />;
  if (prefs.isError)
    return isNotFound(prefs.error) ? (
      <Alert data-color="info">
        <Paragraph>{t('settings.not_available')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={prefs.error} />
    );
  const keys = Object.keys(draft).filter((k) => typeof draft[k] === 'boolean');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        const body: Prefs = {};
        for (const k of keys) body[k] = draft[k];
        save.mutate(body);
      }}
    >
      {save.isError && <ErrorAlert error={save.error} />}
      <Fieldset>
        <Fieldset.Legend>{t('settings.mail_me')}</Fieldset.Legend>
        {keys.map((k) => (
          <Switch
            key={k}
            label={t(`settings.key.${k}`, { defaultValue: k.replace(/_/g, ' ') })}
            checked={!!draft[k]}
            onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.checked }))}
          />
        ))}
      </Fieldset>
      <Button type="submit" loading={save.isPending}>
        {t('settings.save')}
      </Button>
      {save.isSuccess && <Paragraph role="status">{t('settings.saved')}</Paragraph>}
    </form>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  return (
    <RequireAuth>
      {() => (
        <div className="stack-lg narrow">
          <PageHeading lead={t('settings.lead')}>{t('settings.title')}</PageHeading>
          <Form />
        </div>
      )}
    </RequireAuth>
  );
}
