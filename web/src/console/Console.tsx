import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router';
import { useAuth } from '../account/auth';
import { consoleEn } from '../i18n/console.en';
import { addMessages, useI18n } from '../i18n/i18n';
import { consoleZh } from '../i18n/console.zh';
import { NoAccess, RequireRole } from '../ui/RequireRole';
import { AdminBrandPicker } from './AdminBrandPicker';
import { BrandChoiceProvider, useBrand, useOwnsBrand } from './brand';
import { Dashboard } from './dashboard/Dashboard';
import './console.css';

// This app's messages travel with its code, not in the viewer's first script.
addMessages({ zh: consoleZh, en: consoleEn });

// The dashboard, where a brand lands, comes with the console; each other page is fetched when first opened.
const DealsPage = lazy(() => import('./deals/DealsPage').then((m) => ({ default: m.DealsPage })));
const ExperimentsPage = lazy(() => import('./experiments/ExperimentsPage').then((m) => ({ default: m.ExperimentsPage })));
const JobsPage = lazy(() => import('./JobsPage').then((m) => ({ default: m.JobsPage })));
const OrderPage = lazy(() => import('./orders/OrderPage').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const ProductEditPage = lazy(() => import('./products/ProductEditPage').then((m) => ({ default: m.ProductEditPage })));
const ProductNewPage = lazy(() => import('./products/ProductEditPage').then((m) => ({ default: m.ProductNewPage })));
const ProductsPage = lazy(() => import('./products/ProductsPage').then((m) => ({ default: m.ProductsPage })));
const WebhooksPage = lazy(() => import('./webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));

/** The brand console: a brand's products, figures, orders and their attribution, deals and webhook settings. */
export function Console() {
  return (
    <RequireRole roles={['BRAND']}>
      <BrandChoiceProvider>
        <BrandConsole />
      </BrandChoiceProvider>
    </RequireRole>
  );
}

function BrandConsole() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const brand = useBrand();
  const admin = viewer?.role === 'ADMIN';
  return (
    <div className="console" data-testid="console">
      <h1 className="console-title">
        {t('console.title')}
        {brand && <span className="muted"> · {brand.name}</span>}
      </h1>
      <nav className="console-nav" aria-label={t('console.nav.label')}>
        <NavLink to="/console" end>
          {t('console.nav.dashboard')}
        </NavLink>
        <NavLink to="/console/products">{t('console.nav.products')}</NavLink>
        <NavLink to="/console/orders">{t('console.nav.orders')}</NavLink>
        <NavLink to="/console/deals">{t('console.nav.deals')}</NavLink>
        <NavLink to="/console/webhooks">{t('console.nav.webhooks')}</NavLink>
        {admin && <NavLink to="/console/experiments">{t('console.nav.experiments')}</NavLink>}
        {admin && <NavLink to="/console/jobs">{t('console.nav.jobs')}</NavLink>}
      </nav>
      {admin && <AdminBrandPicker />}
      <Suspense fallback={<p className="feed-status" aria-busy="true" />}>
        <Routes>
          <Route path="experiments" element={admin ? <ExperimentsPage /> : <AdminsOnly />} />
          <Route path="jobs" element={admin ? <JobsPage /> : <AdminsOnly />} />
          <Route path="*" element={brand ? <BrandRoutes brandId={brand.id} /> : <p className="feed-status">{t('console.noBrand')}</p>} />
        </Routes>
      </Suspense>
    </div>
  );
}

function BrandRoutes({ brandId }: { brandId: string }) {
  return (
    <Routes>
      <Route index element={<Dashboard brandId={brandId} />} />
      <Route path="products" element={<ProductsPage brandId={brandId} />} />
      <Route path="products/new" element={<OwnerOnly page={<ProductNewPage />} />} />
      <Route path="products/:id" element={<OwnerOnly page={<ProductEditPage />} />} />
      <Route path="orders" element={<OrdersPage brandId={brandId} />} />
      <Route path="orders/:id" element={<OrderPage />} />
      <Route path="deals" element={<DealsPage brandId={brandId} />} />
      <Route path="webhooks" element={<OwnerOnly page={<WebhooksPage />} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <p className="feed-status">
      <Link to="/console">{t('console.nav.dashboard')}</Link>
    </p>
  );
}

/** Pages that act for the brand (its products, its webhook secret): an admin looking at the brand only sees why not. */
function OwnerOnly({ page }: { page: ReactNode }) {
  const { t } = useI18n();
  return useOwnsBrand() ? page : <p className="feed-status">{t('console.admin.ownerOnly')}</p>;
}

function AdminsOnly() {
  const { t } = useI18n();
  return <NoAccess who={t('access.admins')} signedIn />;
}
