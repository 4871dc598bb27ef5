import type { Client } from 'urql';
import { ViewerQuery } from '../queries';
import { readToken } from '../session';

/**
 * A signed-in session asks who it is before anything renders (the viewer query that the session's own then finds in
 * flight). Opened on the console's dashboard, the console's code starts loading at once too, and the dashboard's
 * figures are asked for as soon as the brand is known, instead of each waiting for the one before.
 */
export function prefetchSignedIn(client: Client, at: Location = window.location): void {
  if (readToken() === null) return;
  const viewer = client.query(ViewerQuery, {}).toPromise();
  if (at.pathname.replace(/\/$/, '') !== '/console') return;
  const ignore = () => undefined;
  void import('../console/Console').catch(ignore);
  const brandId = viewer.then(
    (result) => result.data?.viewer?.brand?.id ?? null,
    () => null,
  );
  void import('../console/prefetch').then((m) => m.prefetchDashboard(client, brandId)).catch(ignore);
}
