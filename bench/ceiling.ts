import { spawn } from 'node:child_process';
import path from 'node:path';
import { FEED, load, offeredLoad } from './api-load';
import { productNodeFlags, stopProduct, waitForReady } from './product-process';
import { round } from './stats';

const PORT = 4790;

export interface Ceiling {
  /** Requests a second the bare GraphQL stack answers the feed query at, saturated as the API is. */
  rps: number;
  p99Ms: number;
  generatorCpuPct: number;
  /** Its p99 with `offered.fraction` of `rps` offered open-loop, when asked for: the latency the bare stack gives at that load. */
  offeredP99Ms?: number;
}

/** An open-loop load offered to the ceiling after its saturated run, as a fraction of what it served there. */
export interface CeilingOffered {
  fraction: number;
  seconds: number;
}

/**
 * The same-run ceiling (bench/ceiling-server.ts): the benches' feed query over the same 32 connections, against
 * Apollo on Express in `workers` processes with the product's node flags, answering from memory. Every API figure is
 * reported beside its ratio to this, which follows the machine where an absolute figure does not.
 */
export async function measureCeiling(workers: number, seconds: number, offered?: CeilingOffered): Promise<Ceiling> {
  const server = spawn(process.execPath, [...productNodeFlags(), path.join(__dirname, 'ceiling-server.ts')], {
    env: { ...process.env, CEILING_PORT: String(PORT), CEILING_WORKERS: String(workers) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForReady(`http://127.0.0.1:${PORT}/readyz`);
    await load(PORT, 'ceiling warm-up', FEED, () => ({}), 5);
    const result = await load(PORT, 'ceiling: Apollo on Express, 20 notes from memory', FEED, () => ({}), seconds);
    if (result.non2xx + result.errors > 0) throw new Error('the ceiling server failed requests');
    const rps = Math.round(result.requests.average);
    const ceiling: Ceiling = { rps, p99Ms: result.latency.p99, generatorCpuPct: result.generatorCpuPct };
    if (!offered) return ceiling;
    const rate = Math.round(rps * offered.fraction);
    const open = await offeredLoad(PORT, `ceiling, ${rate} req/s offered`, FEED, offered.seconds, rate);
    if (open.errors > 0) throw new Error('the ceiling server failed requests');
    return { ...ceiling, offeredP99Ms: open.p99 };
  } finally {
    await stopProduct(server);
  }
}

/** A figure over the ceiling, to two places. */
export const ratio = (value: number, ceiling: Ceiling): number => round(value / ceiling.rps, 2);
