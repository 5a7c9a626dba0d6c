import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Navigate, useLocation } from 'react-router';
import { Alert, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { isNotFound } from '../api/client';
import { problemMessage } from '../api/problems';
import { useMe } from '../api/hooks';
import type { Person, RequestState } from '../api/types';

/** Sets the document title: "<page> – stemnet". */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – stemnet` : 'stemnet';
  }, [title]);
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="page-heading">
      <Heading level={1} data-size="lg">
        {children}
      </Heading>
      {lead && <Paragraph className="lead">{lead}</Paragraph>}
    </div>
  );
}

/** Back to the overview of "Min side" from one of its dashboards. */
export function HubLink() {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm">
      <Link asChild>
        <RouterLink to="/min-side">{t('join.hub')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden="true" data-size="md" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** The problem in the reader's language (by its code; see api/problems.ts). */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const detail = problemMessage(error);
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {title ?? t('common.error_title')}
      </Heading>
      <Paragraph>{detail}</Paragraph>
    </Alert>
  );
}

/** Renders children when the query has data; a spinner or an error otherwise. */
export function QueryState<T>({
  query,
  children,
  label,
  notFound,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
  label?: string;
  /** Shown instead of an error when the server says 404: a page's "not found" page. */
  notFound?: ReactNode;
}) {
  if (query.isPending) return <Loading label={label} />;
  if (query.isError && notFound !== undefined && isNotFound(query.error)) return <>{notFound}</>;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <>{children(query.data as T)}</>;
}

/** Only for signed-in people; others go to sign-in and come back. */
export function RequireAuth({ children }: { children: (me: Person) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to={`/logg-inn?neste=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children(me.data)}</>;
}

const STATE_COLOR: Record<RequestState, string> = {
  requested: 'info',
  proposed: 'warning',
  accepted: 'success',
  completed: 'success',
  declined: 'danger',
  cancelled: 'neutral',
  not_held: 'neutral',
};

export function StateTag({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATE_COLOR[state] ?? 'neutral'} data-state={state} className="state-tag">
      {t(`state.${state}`)}
    </Tag>
  );
}

/** Text for screen readers only. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
