import type { Client, RequestPolicy } from 'urql';
import { ConsoleDashboardQuery, dashboardVariables, FIRST_PRESET } from './dashboard/queries';
import { rangeOf } from './range';

/** How long the prefetched figures are shown as they came, without asking again. */
const FRESH_MS = 30_000;

/** The variables the prefetch asked with, and when. */
let prefetched: { variables: string; at: number } | null = null;

/**
 * Asks for the signed-in brand's dashboard figures while the console's code and the charting library still load, without
 * waiting to learn the brand's id: the dashboard's own query (same document, same variables) then finds them in flight or
 * cached. An account without a brand of its own is refused, which no page sees.
 */
export async function prefetchDashboard(client: Client): Promise<void> {
  const variables = dashboardVariables(null, rangeOf(FIRST_PRESET, new Date()));
  prefetched = { variables: JSON.stringify(variables), at: Date.now() };
  await client.query(ConsoleDashboardQuery, variables).toPromise();
}

/**
 * The dashboard's request policy for these variables: the figures the prefetch has just asked for are taken from it (in
 * flight or cached) rather than asked for again the moment they arrive; any others are shown from the cache and refreshed.
 */
export function dashboardPolicy(variables: ReturnType<typeof dashboardVariables>, now = Date.now()): RequestPolicy {
  const fresh = prefetched !== null && prefetched.variables === JSON.stringify(variables) && now - prefetched.at < FRESH_MS;
  return fresh ? 'cache-first' : 'cache-and-network';
}
