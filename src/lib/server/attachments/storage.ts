import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where attachments live: DATA_DIR/attachments/<storage key>, the key random ("3f/3f9a…", two hex
 * characters of folder so no folder grows past a few thousand files), never derived from anything a
 * person sent. Uploads stream into DATA_DIR/attachments/tmp/ first (the same file system, so moving
 * a finished file into place is one atomic rename).
 */

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function attachmentsRoot(dataDir: string): string {
  return resolve(dataDir, 'attachments');
}

export function newStorageKey(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 2)}/${hex}`;
}

/** The file of a storage key; refuses anything that is not a key of ours or would leave the root. */
export function storedPath(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep)) throw new Error('storage key outside the attachments folder');
  return path;
}

/** A fresh temporary file's path for one upload (the folder made if needed). */
export async function stagingPath(root: string): Promise<string> {
  const dir = join(root, 'tmp');
  await mkdir(dir, { recursive: true });
  return join(dir, `${randomBytes(16).toString('hex')}.part`);
}

/** Moves a finished temporary file to its key's place (atomic: same file system). */
export function placeFile(root: string, staged: string, key: string): void {
  const target = storedPath(root, key);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(staged, target);
}

/** Removes a file if it is there (a temporary one, or a stored one whose row went). */
export function discardFile(path: string): void {
  rmSync(path, { force: true });
}
