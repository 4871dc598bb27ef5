import { SingleBar, Presets } from 'cli-progress';

export type ProgressReporter = (done: number, total: number, stage: string) => void;

/** A terminal progress bar that restarts for each stage of a long job; silent when not a TTY. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { report: ProgressReporter; stop: () => void } {
  const bar = new SingleBar(
    { format: ' {stage} [{bar}] {percentage}% | {value}/{total}', stream, noTTYOutput: false, hideCursor: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  let stage: string | null = null;
  return {
    report(done, total, next) {
      if (!stream.isTTY) {
        if (next !== stage) stream.write(`${next}…\n`);
        stage = next;
        return;
      }
      if (next !== stage) {
        if (stage !== null) bar.stop();
        bar.start(total, done, { stage: next.padEnd(20) });
        stage = next;
      } else {
        bar.update(done);
      }
    },
    stop() {
      if (stage !== null && stream.isTTY) bar.stop();
    },
  };
}
