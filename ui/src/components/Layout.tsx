import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate, Link as RouterLink } from 'react-router';
import { Button, Link, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useMe, useSignOut } from '../api/hooks';
import { Loading } from './common';
import { LanguageSwitch } from './LanguageSwitch';
import { homeOf } from '../lib/roles';

function NavItem({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <li>
      <NavLink to={to} end={end} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
        {children}
      </NavLink>
    </li>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a client-side navigation, move focus to the page's heading so that
  // keyboard and screen-reader users start at the new content.
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.setTimeout(() => {
      const h1 = mainRef.current?.querySelector('h1');
      if (h1) {
        h1.setAttribute('tabindex', '-1');
        h1.focus();
      } else mainRef.current?.focus();
    }, 50);
    return () => window.clearTimeout(id);
  }, [location.pathname]);

  const person = me.data;

  return (
    <div className="app">
      <SkipLink href="#main">{t('layout.skip')}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <RouterLink to="/" className="brand" aria-label={t('layout.home_label')}>
            <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path d="M9 21l7-11 7 11z" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinejoin="round" />
            </svg>
            <span>stemnet</span>
          </RouterLink>
          <Button
            variant="tertiary"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {menuOpen ? t('layout.menu_close') : t('layout.menu')}
          </Button>
          <nav id="site-nav" aria-label={t('layout.nav_label')} className={menuOpen ? 'site-nav open' : 'site-nav'}>
            <ul>
              <NavItem to="/" end>
                {t('nav.home')}
              </NavItem>
              <NavItem to="/kart">{t('nav.map')}</NavItem>
              <NavItem to="/tilbud">{t('nav.catalogue')}</NavItem>
              <NavItem to="/monitor">{t('nav.monitor')}</NavItem>
              <NavItem to="/om-dataene">{t('nav.about')}</NavItem>
              {person && <NavItem to={homeOf(person)}>{t('nav.dashboard')}</NavItem>}
            </ul>
          </nav>
          <div className="site-header__tools">
            <LanguageSwitch />
            {me.isPending ? (
              <Spinner aria-label={t('common.loading')} data-size="sm" />
            ) : person ? (
              <div className="user">
                <span className="user__name">{person.name}</span>
                <Button
                  variant="secondary"
                  data-size="sm"
                  loading={signOut.isPending}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/') })}
                >
                  {t('auth.sign_out')}
                </Button>
              </div>
            ) : (
              <Button asChild variant="secondary" data-size="sm">
                <RouterLink to={`/logg-inn?neste=${encodeURIComponent(location.pathname + location.search)}`}>
                  {t('auth.sign_in')}
                </RouterLink>
              </Button>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <Paragraph data-size="sm">{t('layout.footer_about')}</Paragraph>
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to="/om-dataene">{t('layout.footer_data')}</RouterLink>
            </Link>
          </Paragraph>
        </div>
      </footer>
    </div>
  );
}
