import { Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { dashboardVariables, FIRST_PRESET } from './dashboard/queries';
import { dashboardPolicy, prefetchDashboard } from './prefetch';
import { rangeOf } from './range';

describe("the dashboard's request policy", () => {
  // A client that sends nothing: only what the prefetch asked, and when, is under test.
  const client = new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [] });
  const prefetchedVariables = () => dashboardVariables(null, rangeOf(FIRST_PRESET, new Date()));

  it('refreshes cached figures when nothing was prefetched', () => {
    expect(dashboardPolicy(prefetchedVariables())).toBe('cache-and-network');
  });

  it('takes the figures the prefetch has just asked for, without asking again', () => {
    void prefetchDashboard(client);
    expect(dashboardPolicy(prefetchedVariables())).toBe('cache-first');
  });

  it('refreshes them once they are half a minute old, and any other range or brand at once', () => {
    void prefetchDashboard(client);
    expect(dashboardPolicy(prefetchedVariables(), Date.now() + 31_000)).toBe('cache-and-network');
    expect(dashboardPolicy(dashboardVariables(null, rangeOf('7d', new Date())))).toBe('cache-and-network');
    expect(dashboardPolicy(dashboardVariables('01a2-brand', rangeOf(FIRST_PRESET, new Date())))).toBe('cache-and-network');
  });
});
