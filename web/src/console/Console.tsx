import type { ReactNode } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router';
import { useAuth } from '../account/auth';
import { useI18n } from '../i18n/i18n';
import { NoAccess, RequireRole } from '../ui/RequireRole';
import { AdminBrandPicker } from './AdminBrandPicker';
import { BrandChoiceProvider, useBrand, useOwnsBrand } from './brand';
import { Dashboard } from './dashboard/Dashboard';
import { DealsPage } from './deals/DealsPage';
import { ExperimentsPage } from './experiments/ExperimentsPage';
import { JobsPage } from './JobsPage';
import { OrderPage } from './orders/OrderPage';
import { OrdersPage } from './orders/OrdersPage';
import { ProductEditPage, ProductNewPage } from './products/ProductEditPage';
import { ProductsPage } from './products/ProductsPage';
import { WebhooksPage } from './webhooks/WebhooksPage';
import './console.css';

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
      <Routes>
        <Route path="experiments" element={admin ? <ExperimentsPage /> : <AdminsOnly />} />
        <Route path="jobs" element={admin ? <JobsPage /> : <AdminsOnly />} />
        <Route path="*" element={brand ? <BrandRoutes brandId={brand.id} /> : <p className="feed-status">{t('console.noBrand')}</p>} />
      </Routes>
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
