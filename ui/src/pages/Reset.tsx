import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { API, setCsrfToken } from '../api/client';
import { useChange } from '../api/hooks';
import type { Person, ResetAnswer, ResetConfirmInput, ResetInput } from '../api/types';
import { ErrorAlert, PageHeading, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';

export function ResetPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [token, setToken] = useState(params.get('kode') ?? '');
  const [password, setPassword] = useState('');
  const ask = useChange<ResetInput, ResetAnswer>('POST', `${API}/auth/reset`, []);
  const confirm = useChange<ResetConfirmInput, Person>('POST', `${API}/auth/reset/confirm`, []);

  const submitAsk = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate({ email });
  };
  const submitConfirm = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(
      { token: token.trim(), password },
      {
        onSuccess: (me) => {
          setCsrfToken(me.csrf_token);
          qc.setQueryData(['me'], me);
          navigate('/min-side');
        },
      },
    );
  };

  return (
    <div className="narrow stack">
      <PageHeading lead={t('reset.lead')}>{t('reset.title')}</PageHeading>
      <Card data-color="neutral">
        <Heading level={2} data-size="sm">
          {t('reset.step1')}
        </Heading>
        <form onSubmit={submitAsk} className="form" noValidate>
          {isFormError(ask.error, ['email']) && <ErrorAlert error={ask.error} />}
          <Textfield
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            error={fieldError(ask.error, 'email')}
          />
          <Button type="submit" variant="secondary" loading={ask.isPending}>
            {t('reset.send_code')}
          </Button>
          {ask.isSuccess && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('reset.sent')}</Paragraph>
            </Alert>
          )}
        </form>
      </Card>
      <Card data-color="neutral">
        <Heading level={2} data-size="sm">
          {t('reset.step2')}
        </Heading>
        <form onSubmit={submitConfirm} className="form" noValidate>
          {isFormError(confirm.error, ['token', 'password']) && <ErrorAlert error={confirm.error} />}
          <Textfield
            label={t('reset.code')}
            autoComplete="one-time-code"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            error={fieldError(confirm.error, 'token')}
          />
          <Textfield
            label={t('reset.new_password')}
            description={t('auth.password_rule')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            error={fieldError(confirm.error, 'password')}
          />
          <Button type="submit" loading={confirm.isPending}>
            {t('reset.set_password')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
