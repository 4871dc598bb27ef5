import type { Client } from 'urql';
import { prefetchDashboard } from '../console/prefetch';
import { ViewerQuery } from '../queries';
import { readToken } from '../session';

/**
 * A signed-in session asks who it is before anything renders (the viewer query that the session's own then finds in
 * flight). Opened on the console's dashboard, the console's code starts loading at once too, and so do the dashboard's
 * figures, instead of each waiting for the one before.
 */
export function prefetchSignedIn(client: Client, at: Location = window.location): void {
  if (readToken() === null) return;
  void client.query(ViewerQuery, {}).toPromise();
  if (at.pathname.replace(/\/$/, '') !== '/console') return;
  const ignore = () => undefined;
  // The dashboard's query and its document are part of the app's first script: imported, the prefetch would wait for
  // its own script to load and then for the console's scripts to run, a few hundred milliseconds on a slow phone.
  void prefetchDashboard(client).catch(ignore);
  void import('../console/Console').catch(ignore);
}
