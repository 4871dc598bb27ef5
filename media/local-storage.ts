import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, assertValidRange, contentTypeFor, ObjectNotFoundError, type Storage, type StoredObject } from './storage';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  // ENOTDIR: a parent of the key is a file, so the key cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class LocalDiskStorage implements Storage {
  private readonly root: string;
  private readonly publicBasePath: string;

  constructor(rootDir: string, publicBasePath = '/media') {
    this.root = path.resolve(rootDir);
    this.publicBasePath = publicBasePath.replace(/\/+$/, '');
  }

  async putFile(key: string, localPath: string, _contentType: string): Promise<void> {
    // A copy, not a rename: the caller keeps its file, as with S3, and a reflink makes it free where the filesystem can.
    await this.writeAtomically(key, (temp) => fs.copyFile(localPath, temp, fs.constants.COPYFILE_FICLONE));
  }

  async putBuffer(key: string, body: Buffer, _contentType: string): Promise<void> {
    await this.writeAtomically(key, (temp) => fs.writeFile(temp, body, { flag: 'wx' }));
  }

  async moveFile(key: string, localPath: string, contentType: string): Promise<void> {
    try {
      await this.writeAtomically(key, (temp) => fs.rename(localPath, temp));
    } catch (error) {
      // Another filesystem: a rename cannot cross it, so copy, then remove the source.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await this.putFile(key, localPath, contentType);
      await fs.rm(localPath, { force: true });
    }
  }

  localPath(key: string): string | null {
    return this.pathOf(key);
  }

  async stat(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    let info;
    try {
      info = await fs.stat(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (!info.isFile()) return null;
    return {
      size: info.size,
      contentType: contentTypeFor(key),
      etag: `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`,
      lastModified: info.mtime,
    };
  }

  async read(key: string, range?: { start: number; end: number }): Promise<NodeJS.ReadableStream> {
    const file = this.pathOf(key);
    if (range) assertValidRange(range);
    // Opened here rather than lazily by createReadStream so that a missing file rejects this promise instead of erroring the stream later.
    let handle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new ObjectNotFoundError(key);
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async deletePrefix(prefix: string): Promise<void> {
    await fs.rm(this.pathOf(prefix.replace(/\/+$/, '')), { recursive: true, force: true });
  }

  url(key: string): string {
    assertValidKey(key);
    return `${this.publicBasePath}/${key}`;
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    // The key pattern already rules out escapes; this keeps the guarantee if the pattern is ever loosened.
    const relative = path.relative(this.root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`storage key escapes the root: ${key}`);
    return file;
  }

  private async writeAtomically(key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true });
    // Same directory, so the rename is atomic; the leading dot makes it an invalid key, so it is never served.
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await write(temp);
      // Flushed before the rename: otherwise a crash can leave the final name pointing at an empty or partial file,
      // which, being served as immutable, would be cached that way for a year.
      await fsync(temp);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    // Makes the rename itself durable, since the caller records the object as stored once this returns.
    await fsync(dir);
  }
}

async function fsync(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
