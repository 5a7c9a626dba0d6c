import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Fieldset, Paragraph, Switch } from '@digdir/designsystemet-react';
import { API, isNotFound } from '../api/client';
import { useChange, useNotificationSettings } from '../api/hooks';
import type { NotificationChoices, NotificationKind, NotificationPreferences } from '../api/types';
import { ErrorAlert, Loading, PageHeading, RequireAuth, usePageTitle } from '../components/common';

/**
 * Which mails the person gets (GET/PATCH /api/v1/me/notifications). Each switch saves at once;
 * a kind that is not optional (the password reset code) is shown on and cannot be turned off.
 */
function Form() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useNotificationSettings();
  const [last, setLast] = useState<{ kind: NotificationKind; enabled: boolean } | null>(null);
  const save = useChange<NotificationChoices, NotificationPreferences>('PATCH', `${API}/me/notifications`, []);
  if (settings.isPending) return <Loading />;
  if (settings.isError)
    return isNotFound(settings.error) ? (
      <Alert data-color="info">
        <Paragraph>{t('settings.not_available')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={settings.error} />
    );
  const change = (kind: NotificationKind, enabled: boolean) => {
    // shown at once; the server's answer (the whole list) replaces it, a failure puts it back
    const before = qc.getQueryData<NotificationPreferences>(['notifications']);
    qc.setQueryData<NotificationPreferences>(['notifications'], (s) => s && { items: s.items.map((i) => (i.kind === kind ? { ...i, enabled } : i)) });
    setLast(null);
    save.mutate(
      { [kind]: enabled } as NotificationChoices,
      {
        onSuccess: (answer) => {
          if (answer?.items) qc.setQueryData(['notifications'], answer);
          setLast({ kind, enabled });
        },
        onError: () => qc.setQueryData(['notifications'], before),
      },
    );
  };
  const label = (kind: string) => t(`settings.kind.${kind}`, { defaultValue: kind.replace(/_/g, ' ') });
  return (
    <div className="stack">
      {save.isError && <ErrorAlert error={save.error} />}
      <Fieldset>
        <Fieldset.Legend>{t('settings.mail_me')}</Fieldset.Legend>
        <Fieldset.Description>{t('settings.saves_at_once')}</Fieldset.Description>
        <div className="stack switches">
          {settings.data.items.map((s) =>
            s.optional ? (
              <Switch
                key={s.kind}
                name={s.kind}
                label={label(s.kind)}
                checked={s.enabled}
                onChange={(e) => change(s.kind, e.target.checked)}
              />
            ) : (
              <div key={s.kind}>
                <Switch name={s.kind} label={label(s.kind)} checked readOnly disabled aria-describedby={`always-${s.kind}`} />
                <Paragraph data-size="sm" id={`always-${s.kind}`} className="switch-note">
                  {t('settings.always_on')}
                </Paragraph>
              </div>
            ),
          )}
        </div>
      </Fieldset>
      <Paragraph role="status" data-size="sm">
        {last ? t(last.enabled ? 'settings.saved_on' : 'settings.saved_off', { what: label(last.kind) }) : ''}
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('settings.unsubscribe_note')}
      </Paragraph>
    </div>
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
