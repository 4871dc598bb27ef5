import type { Client } from 'urql';
import { ConsoleDashboardQuery, dashboardVariables, FIRST_PRESET } from './dashboard/queries';
import { rangeOf } from './range';

/**
 * Asks for the dashboard's figures as soon as the viewer's brand is known, while the console's code and the charting
 * library still load: the dashboard's own query (same document, same variables) then finds them in flight or cached.
 */
export async function prefetchDashboard(client: Client, brandId: Promise<string | null>): Promise<void> {
  const id = await brandId;
  if (!id) return;
  // Errors are the dashboard's to show, when its own query meets them.
  await client.query(ConsoleDashboardQuery, dashboardVariables(id, rangeOf(FIRST_PRESET, new Date()))).toPromise();
}
