import type { Client } from 'urql';
import { ConsoleDashboardQuery, dashboardVariables, FIRST_PRESET } from './dashboard/queries';
import { rangeOf } from './range';

/**
 * Asks for the signed-in brand's dashboard figures while the console's code and the charting library still load, without
 * waiting to learn the brand's id: the dashboard's own query (same document, same variables) then finds them in flight or
 * cached. An account without a brand of its own is refused, which no page sees.
 */
export async function prefetchDashboard(client: Client): Promise<void> {
  await client.query(ConsoleDashboardQuery, dashboardVariables(null, rangeOf(FIRST_PRESET, new Date()))).toPromise();
}
