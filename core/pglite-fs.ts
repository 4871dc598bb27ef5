import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type PostgresMod = Parameters<NodeFS['init']>[1];
type PreRun = (mod: { NODEFS: { stream_ops: { fsync?: (stream: { nfd: number }) => void } } }) => void;

/**
 * PGlite's data directory on Node, with a commit on disk once PGlite acknowledges it. PGlite starts
 * PostgreSQL with fsync off (-F), and its Node filesystem turns fsync into nothing and fdatasync (the
 * WAL's default sync) into nothing as well: a power cut could lose acknowledged commits. Here
 * PostgreSQL runs with fsync on and syncs the WAL with fsync(), which reaches the disk through
 * fs.fsyncSync. It costs one fsync per commit (1–3 ms on this machine's disk).
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGliteInterface, opts: Partial<PostgresMod>): ReturnType<NodeFS['init']> {
    const result = await super.init(pg as PGlite, opts);
    const syncToDisk: PreRun = (mod) => {
      mod.NODEFS.stream_ops.fsync = (stream) => fsyncSync(stream.nfd);
    };
    const preRun = (result.emscriptenOpts.preRun ?? []) as unknown[];
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun: [...preRun, syncToDisk] as typeof result.emscriptenOpts.preRun } };
  }
}

export function durablePglite(dataDir: string): PGlite {
  const startParams = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];
  return new PGlite({ fs: new DurableNodeFS(dataDir), startParams });
}
