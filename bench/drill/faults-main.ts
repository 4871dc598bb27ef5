import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runFaultDrills, type Figures } from './faults';

// The fault drills on their own: npx tsx bench/drill/faults-main.ts → bench/results/drills-faults.json.
async function main(): Promise<void> {
  const figures: Figures = {};
  const out = path.join(__dirname, '..', 'results', 'drills-faults.json');
  const save = (): void => {
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  };
  try {
    await runFaultDrills((more) => {
      Object.assign(figures, more);
      // Written after each drill, so a later failure still leaves what was measured.
      save();
    });
  } finally {
    save();
    console.log(figures);
    console.log(`written to ${path.relative(process.cwd(), out)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
