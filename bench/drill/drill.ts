import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Figures } from './drill-kit';

// npm run drill: the fault drills (kill, PostgreSQL and Redis restarts, disk full, a killed transcode), then the
// authorization matrix and the fuzz, each in a process of its own that cleans up after itself; their figures and a
// verdict against the hardening targets in bench/results/drills.json. Exits 1 when a target is missed.

const ROOT = path.join(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results');

const PARTS = [
  { name: 'faults', script: 'faults-main.ts', results: 'drills-faults.json' },
  { name: 'fuzz and authorization', script: 'fuzz-authz-main.ts', results: 'drills-fuzz-authz.json' },
] as const;

/** A figure that must hold: its name in the results, and whether the value passes. */
const TARGETS: [string, (value: Figures[string] | undefined) => boolean][] = [
  ['acked_lost', (v) => v === 0],
  ['duplicates', (v) => v === 0],
  ['kill_worker_jobs_went_on', (v) => v === true],
  ['pg_recovered', (v) => v === true],
  ['pg_processes_alive', (v) => v === true],
  ['redis_recovered', (v) => v === true],
  ['schedules_after_redis_restart', (v) => v === true],
  ['transcode_recovered', (v) => v === true],
  ['half_playlist_served', (v) => v === false],
  ['disk_full_refused_clearly', (v) => v === true],
  ['disk_full_half_written_served', (v) => v === false],
  ['authz_mismatches', (v) => v === 0],
  ['authz_uncovered', (v) => v === 0],
  ['fuzz_5xx', (v) => v === 0],
  ['fuzz_internal_errors', (v) => v === 0],
  ['fuzz_crashes', (v) => v === 0],
];

function runPart(script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, script)], { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function readFigures(file: string): Promise<Figures> {
  try {
    return JSON.parse(await readFile(path.join(RESULTS, file), 'utf8')) as Figures;
  } catch {
    return {};
  }
}

async function main(): Promise<number> {
  const figures: Figures = {};
  for (const [index, part] of PARTS.entries()) {
    console.log(`\n=== drill ${index + 1}/${PARTS.length}: ${part.name} ===`);
    const started = Date.now();
    // A part that fails still leaves the figures it measured; the verdict below judges them.
    await runPart(part.script);
    Object.assign(figures, await readFigures(part.results));
    figures[`${part.name.split(' ')[0]}_part_seconds`] = Math.round((Date.now() - started) / 100) / 10;
  }
  const missed = TARGETS.filter(([name, holds]) => !holds(figures[name])).map(([name]) => name);
  figures.targets_checked = TARGETS.length;
  figures.targets_missed = missed.length === 0 ? 'none' : missed.join(' ');
  figures.drill_passed = missed.length === 0;
  await writeFile(path.join(RESULTS, 'drills.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\n${missed.length === 0 ? 'every target held' : `missed: ${missed.join(', ')}`}; written to bench/results/drills.json`);
  return missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
