import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../account/auth';
import type { Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const WHO: Record<Exclude<Role, 'VIEWER'>, 'access.creators' | 'access.brands' | 'access.admins'> = {
  CREATOR: 'access.creators',
  BRAND: 'access.brands',
  ADMIN: 'access.admins',
};

/**
 * A page for some roles only. The API refuses the others anyway; this says so in words instead of showing a page of
 * errors. Admins pass every check, as the API lets them.
 */
export function RequireRole({ roles, children }: { roles: Exclude<Role, 'VIEWER' | 'ADMIN'>[]; children: ReactNode }) {
  const { t } = useI18n();
  const { signedIn, viewer } = useAuth();
  if (signedIn && !viewer) return <p className="feed-status" aria-busy="true" />;
  if (viewer && (viewer.role === 'ADMIN' || roles.includes(viewer.role as (typeof roles)[number]))) return children;
  return <NoAccess who={roles.map((role) => t(WHO[role])).join(' / ')} signedIn={signedIn} />;
}

export function NoAccess({ who, signedIn }: { who: string; signedIn: boolean }) {
  const { t } = useI18n();
  return (
    <section className="no-access" role="alert" data-testid="no-access">
      <h1>{t('access.denied')}</h1>
      <p>{t('access.deniedHint', { who })}</p>
      {signedIn ? <Link to="/">{t('nav.home')}</Link> : <Link to="/login">{t('nav.login')}</Link>}
    </section>
  );
}
