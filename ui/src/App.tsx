import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/common';
import { HomePage } from './pages/Home';
import { SignInPage } from './pages/SignIn';
import { SignUpPage } from './pages/SignUp';
import { ResetPage } from './pages/Reset';
import { NotFoundPage } from './pages/NotFound';

// Pages past the start page load on demand; the map (MapLibre) and charts (Plot) are the big ones.
const MapPage = lazy(() => import('./pages/MapPage'));
const CataloguePage = lazy(() => import('./pages/Catalogue'));
const OfferPage = lazy(() => import('./pages/OfferPage'));
const ProviderPage = lazy(() => import('./pages/ProviderPage'));
const MonitorPage = lazy(() => import('./pages/Monitor'));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage'));
const AreaProfilePage = lazy(() => import('./pages/AreaProfile'));
const AboutPage = lazy(() => import('./pages/About'));
const DashboardPage = lazy(() => import('./pages/Dashboard'));
const TeacherDashboard = lazy(() => import('./pages/TeacherDashboard'));
const ProviderDashboard = lazy(() => import('./pages/ProviderDashboard'));
const OfferEditorPage = lazy(() => import('./pages/OfferEditor'));
const ProviderProfilePage = lazy(() => import('./pages/ProviderProfile'));
const CoordinatorDashboard = lazy(() => import('./pages/CoordinatorDashboard'));
const RoundsPage = lazy(() => import('./pages/Rounds'));
const RoundPage = lazy(() => import('./pages/RoundPage'));
const RequestPage = lazy(() => import('./pages/RequestPage'));
const OpenRequestPage = lazy(() => import('./pages/OpenRequestPage'));
const NewOpenRequestPage = lazy(() => import('./pages/NewOpenRequest'));
const SettingsPage = lazy(() => import('./pages/Settings'));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="kart" element={<MapPage />} />
          <Route path="tilbud" element={<CataloguePage />} />
          <Route path="tilbud/:id" element={<OfferPage />} />
          <Route path="tilbyder/:id" element={<ProviderPage />} />
          <Route path="monitor" element={<MonitorPage />} />
          <Route path="monitor/:id" element={<IndicatorPage />} />
          <Route path="kommune/:code" element={<AreaProfilePage level="municipality" />} />
          <Route path="fylke/:code" element={<AreaProfilePage level="county" />} />
          <Route path="om-dataene" element={<AboutPage />} />
          <Route path="logg-inn" element={<SignInPage />} />
          <Route path="registrer" element={<SignUpPage />} />
          <Route path="nytt-passord" element={<ResetPage />} />
          <Route path="min-side" element={<DashboardPage />} />
          <Route path="min-side/laerer" element={<TeacherDashboard />} />
          <Route path="min-side/tilbyder" element={<ProviderDashboard />} />
          <Route path="min-side/tilbyder/tilbud/:id" element={<OfferEditorPage />} />
          <Route path="min-side/tilbyder/profil/:id" element={<ProviderProfilePage />} />
          <Route path="min-side/koordinator" element={<CoordinatorDashboard />} />
          <Route path="min-side/koordinator/runder" element={<RoundsPage />} />
          <Route path="min-side/koordinator/runder/:id" element={<RoundPage />} />
          <Route path="min-side/varsler" element={<SettingsPage />} />
          <Route path="foresporsel/:id" element={<RequestPage />} />
          <Route path="apne-foresporsler/ny" element={<NewOpenRequestPage />} />
          <Route path="apne-foresporsler/:id" element={<OpenRequestPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
