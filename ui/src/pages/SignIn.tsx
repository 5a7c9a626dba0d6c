import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSignIn } from '../api/hooks';
import { ErrorAlert, PageHeading, usePageTitle } from '../components/common';
import { homeOf } from '../lib/roles';

/** Only paths inside this site, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/min-side';
  if (next.startsWith('/logg-inn')) return '/min-side';
  return next;
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.sign_in'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const asked = params.get('neste');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: (me) => navigate(asked ? safeNext(asked) : homeOf(me)) });
  };

  return (
    <div className="narrow stack">
      <PageHeading lead={t('auth.sign_in_lead')}>{t('auth.sign_in')}</PageHeading>
      <Card data-color="neutral">
        <form onSubmit={submit} className="form" noValidate>
          {signIn.isError && <ErrorAlert error={signIn.error} title={t('auth.sign_in_failed')} />}
          <Textfield
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
          <Textfield
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.sign_in')}
          </Button>
        </form>
      </Card>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nytt-passord">{t('auth.forgot')}</RouterLink>
        </Link>
      </Paragraph>
      <Paragraph>
        {t('auth.no_account')}{' '}
        <Link asChild>
          <RouterLink to="/registrer">{t('auth.sign_up')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
