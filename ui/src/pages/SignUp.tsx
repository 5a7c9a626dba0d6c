import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Button, Card, Fieldset, Link, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { API, setCsrfToken } from '../api/client';
import { useChange } from '../api/hooks';
import { LANGUAGES, type Person, type SignupInput } from '../api/types';
import { ErrorAlert, PageHeading, usePageTitle } from '../components/common';
import { fieldError, isFormError } from '../components/forms';

const FIELDS = ['email', 'name', 'password', 'language'];

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('auth.sign_up'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form, setForm] = useState<SignupInput>({ name: '', email: '', password: '', language: LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? 'nb' });
  const signUp = useChange<SignupInput, Person>('POST', `${API}/auth/signup`, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signUp.mutate(form, {
      onSuccess: (me) => {
        setCsrfToken(me.csrf_token);
        qc.setQueryData(['me'], me);
        navigate('/min-side');
      },
    });
  };
  const set = (k: 'name' | 'email' | 'password') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <div className="narrow stack">
      <PageHeading lead={t('auth.sign_up_lead')}>{t('auth.sign_up')}</PageHeading>
      <Card data-color="neutral">
        <form onSubmit={submit} className="form" noValidate>
          {isFormError(signUp.error, FIELDS) && <ErrorAlert error={signUp.error} />}
          <Textfield label={t('auth.name')} autoComplete="name" value={form.name} onChange={set('name')} required error={fieldError(signUp.error, 'name')} />
          <Textfield
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            value={form.email}
            onChange={set('email')}
            required
            error={fieldError(signUp.error, 'email')}
          />
          <Textfield
            label={t('auth.password')}
            description={t('auth.password_rule')}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            required
            error={fieldError(signUp.error, 'password')}
          />
          <Fieldset>
            <Fieldset.Legend>{t('auth.mail_language')}</Fieldset.Legend>
            {LANGUAGES.map((l) => (
              <Radio key={l} name="language" value={l} label={t(`lang.${l}`)} checked={form.language === l} onChange={() => setForm((f) => ({ ...f, language: l }))} />
            ))}
            {fieldError(signUp.error, 'language') && <ValidationMessage>{fieldError(signUp.error, 'language')}</ValidationMessage>}
          </Fieldset>
          <Button type="submit" loading={signUp.isPending}>
            {t('auth.create_account')}
          </Button>
        </form>
      </Card>
      <Paragraph>
        {t('auth.have_account')}{' '}
        <Link asChild>
          <RouterLink to="/logg-inn">{t('auth.sign_in')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
