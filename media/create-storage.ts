import { LocalDiskStorage } from './local-storage';
import { S3Storage, type S3Config } from './s3-storage';
import type { Storage } from './storage';

export function createStorage(config: { kind: 'local'; rootDir: string } | ({ kind: 's3' } & S3Config)): Storage {
  return config.kind === 'local' ? new LocalDiskStorage(config.rootDir) : new S3Storage(config);
}
