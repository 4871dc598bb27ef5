import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './account/auth';
import { clientAhead } from './account/client-ahead';
import { prefetchSignedIn } from './account/prefetch-signed-in';
import { createClient } from './client';
import { EventsProvider } from './events/context';
import { Explore } from './explore/Explore';
import { prefetchExplore } from './explore/prefetch';
import { SearchBox } from './search/SearchBox';
import { I18nProvider, useI18n } from './i18n/i18n';
import { NoteModal } from './note/NoteModal';
import { backgroundOf, NoteOpenerProvider } from './note/opener';
import { Avatar } from './ui/Avatar';
import { HiddenProvider } from './ui/hidden';
import { ToastProvider } from './ui/toast';

// Only the explore page and the note it opens are in the first script, so that a phone compiles less before the first
// cards and a tapped card opens without another round trip: every other page's code is fetched when first visited.
const NotePage = lazy(() => import('./note/NotePage').then((m) => ({ default: m.NotePage })));
const ProductPage = lazy(() => import('./product/ProductPage').then((m) => ({ default: m.ProductPage })));
const CheckoutPage = lazy(() => import('./product/CheckoutPage').then((m) => ({ default: m.CheckoutPage })));
const OrdersPage = lazy(() => import('./orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const SearchPage = lazy(() => import('./search/SearchPage').then((m) => ({ default: m.SearchPage })));
const ProfilePage = lazy(() => import('./profile/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const BoardPage = lazy(() => import('./profile/ProfilePage').then((m) => ({ default: m.BoardPage })));
const MeRedirect = lazy(() => import('./profile/ProfilePage').then((m) => ({ default: m.MeRedirect })));
const EditProfilePage = lazy(() => import('./profile/EditProfile').then((m) => ({ default: m.EditProfilePage })));
const FollowList = lazy(() => import('./profile/FollowList').then((m) => ({ default: m.FollowList })));
const LogInPage = lazy(() => import('./account/AccountPages').then((m) => ({ default: m.LogInPage })));
const SignUpPage = lazy(() => import('./account/AccountPages').then((m) => ({ default: m.SignUpPage })));
// The studio and the console are apps of their own for creators and brands: their code (the console's charting library
// above all) is fetched only when one of their routes is opened.
const Studio = lazy(() => import('./studio/Studio').then((m) => ({ default: m.Studio })));
const Console = lazy(() => import('./console/Console').then((m) => ({ default: m.Console })));

// Made as the app's code is first run: the explore page's first cards (or who is signed in, and the console's figures)
// are on their way before anything renders.
const makeSessionClient = clientAhead(createClient, (client) => {
  prefetchExplore(client);
  prefetchSignedIn(client);
});

/** Every page of the app in the main landmark, by route (sign-up and log-in lay themselves out). */
const PAGES: [string, ReactNode][] = [
  ['/', <Explore />],
  ['/note/:id', <NotePage />],
  ['/product/:id', <ProductPage />],
  ['/product/:id/buy', <CheckoutPage />],
  ['/orders', <OrdersPage />],
  ['/search', <SearchPage />],
  ['/me', <MeRedirect />],
  ['/me/edit', <EditProfilePage />],
  ['/user/:id', <ProfilePage />],
  ['/user/:id/followers', <FollowList which="followers" />],
  ['/user/:id/following', <FollowList which="following" />],
  ['/board/:id', <BoardPage />],
  ['/studio/*', <Studio />],
  ['/console/*', <Console />],
];

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AuthProvider makeClient={makeSessionClient}>
          <ToastProvider>
            <HiddenProvider>
              <EventsProvider>
                <Shell />
              </EventsProvider>
            </HiddenProvider>
          </ToastProvider>
        </AuthProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}

function Shell() {
  const location = useLocation();
  // Opened from a feed, a note is a dialog over the feed (the "background" location), which stays mounted.
  const background = backgroundOf(location);
  const { t } = useI18n();

  return (
    <NoteOpenerProvider>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header />
      <Suspense fallback={null}>
        <Routes location={background ?? location}>
          {PAGES.map(([path, page]) => (
            <Route key={path} path={path} element={<Page>{page}</Page>} />
          ))}
          <Route path="/login" element={<LogInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route
            path="*"
            element={
              <Page>
                <p className="feed-status">
                  <Link to="/">{t('nav.home')}</Link>
                </p>
              </Page>
            }
          />
        </Routes>
        {background && (
          <Routes>
            <Route path="/note/:id" element={<NoteModal />} />
          </Routes>
        )}
      </Suspense>
    </NoteOpenerProvider>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="page">
      {children}
    </main>
  );
}

function Header() {
  const { t, lang, setLang } = useI18n();
  const { viewer, signedIn, logOut, notice, clearNotice } = useAuth();
  return (
    <header className="top-bar">
      <Link to="/" className="logo" title={t('nav.home')}>
        {t('app.name')}
      </Link>
      <SearchBox />
      <div className="top-bar-actions">
        <button type="button" className="text-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} title={t('nav.languageLabel')}>
          {t('nav.language')}
        </button>
        {signedIn ? (
          <>
            {(viewer?.role === 'CREATOR' || viewer?.role === 'ADMIN') && (
              <Link to="/studio" className="text-button" data-testid="nav-studio">
                {t('nav.studio')}
              </Link>
            )}
            {(viewer?.role === 'BRAND' || viewer?.role === 'ADMIN') && (
              <Link to="/console" className="text-button" data-testid="nav-console">
                {t('nav.console')}
              </Link>
            )}
            <Link to="/orders" className="text-button" data-testid="nav-orders">
              {t('shop.myOrders')}
            </Link>
            {viewer && (
              <Link to={`/user/${viewer.id}`} className="viewer-chip" title={t('profile.me')}>
                <Avatar user={viewer} size={28} />
                <span className="viewer-name">{viewer.displayName}</span>
              </Link>
            )}
            <button type="button" className="text-button" onClick={() => void logOut()}>
              {t('nav.logout')}
            </button>
          </>
        ) : (
          <>
            <Link to="/login" className="button small">
              {t('nav.login')}
            </Link>
            <Link to="/signup" className="text-button">
              {t('nav.signup')}
            </Link>
          </>
        )}
      </div>
      {notice && (
        <div className="banner" role="alert">
          {t(notice)}{' '}
          <Link to="/login" onClick={clearNotice}>
            {t('nav.login')}
          </Link>
          <button type="button" className="icon-button" aria-label={t('note.dismiss')} onClick={clearNotice}>
            ×
          </button>
        </div>
      )}
    </header>
  );
}
