// Where the generic client puts values on disk, so that no other local user can read them, swap them or
// receive them through a planted link:
//   --out-dir DIR   DIR must not exist (it is created 0700, atomically: mkdir fails if someone made it first)
//                   or be an empty directory, not a link, owned by this user, mode 0700
//   --dotenv FILE   FILE may exist only as a regular file owned by this user (it is replaced)
// and for both, the folder that holds them must belong to this user or root and be writable by nobody else
// (or sticky, like /tmp), and must not be `/` itself (`"$UNSET/secrets"` is `/secrets`). Every file is
// written to a fresh name opened O_CREAT|O_EXCL|O_NOFOLLOW with mode 0600, synced, then renamed into place.
// Destinations are checked before the exchange: a single-use token is not spent on a folder we then refuse.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A destination the client refuses; `code` is stable for tests and scripts. */
export class UnsafeDestinationError extends Error {
  constructor(
    readonly code: 'not_private' | 'not_empty' | 'is_link' | 'not_found' | 'unsafe_parent' | 'root_folder',
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeDestinationError';
  }
}

const uid = (): number => process.getuid?.() ?? 0;

function describeOwner(owner: number): string {
  return owner === uid() ? 'you' : `uid ${owner}`;
}

/** The folder that will hold a destination: ours or root's, and no one else may add or rename entries in it. */
async function checkParent(path: string, what: string): Promise<void> {
  const parent = dirname(path);
  if (parent === path || parent === '/') {
    throw new UnsafeDestinationError('root_folder', `${what} ${path} is directly in /; an unset variable in "$VAR/${basename(path)}" gives exactly that: give a path inside a folder of yours (e.g. "$RUNNER_TEMP/${basename(path)}")`);
  }
  let st;
  try {
    st = await stat(parent);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnsafeDestinationError('not_found', `${what} ${path}: the folder ${parent} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
  }
  if (!st.isDirectory()) throw new UnsafeDestinationError('not_found', `${what} ${path}: ${parent} is not a folder`);
  if (st.uid !== uid() && st.uid !== 0) {
    throw new UnsafeDestinationError('unsafe_parent', `${what} ${path}: the folder ${parent} belongs to ${describeOwner(st.uid)}, who could replace what is written there; use a folder of yours`);
  }
  if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) {
    throw new UnsafeDestinationError('unsafe_parent', `${what} ${path}: the folder ${parent} is writable by others (mode ${(st.mode & 0o7777).toString(8)}) without the sticky bit, so anyone could swap what is written there; use a folder only you can write to`);
  }
}

/**
 * Makes sure `dir` is a private, empty folder of ours, creating it when it does not exist. Returns whether it
 * was created here (so a failed exchange can remove it again).
 */
export async function prepareOutDir(given: string): Promise<{ dir: string; created: boolean }> {
  const dir = resolve(given);
  await checkParent(dir, '--out-dir');
  let created = true;
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    created = false;
  }
  const st = await lstat(dir);
  if (st.isSymbolicLink()) throw new UnsafeDestinationError('is_link', `--out-dir ${dir} is a symbolic link; give a folder that does not exist yet`);
  if (!st.isDirectory()) throw new UnsafeDestinationError('not_private', `--out-dir ${dir} exists and is not a folder; give a folder that does not exist yet`);
  if (st.uid !== uid()) throw new UnsafeDestinationError('not_private', `--out-dir ${dir} belongs to ${describeOwner(st.uid)}, not to you; give a folder that does not exist yet`);
  if ((st.mode & 0o7777) !== 0o700) {
    throw new UnsafeDestinationError('not_private', `--out-dir ${dir} has mode ${(st.mode & 0o7777).toString(8)}; it must be 0700 (or not exist yet, and it is created so)`);
  }
  if (!created && (await readdir(dir)).length > 0) {
    throw new UnsafeDestinationError('not_empty', `--out-dir ${dir} is not empty; give a folder that does not exist yet, or an empty one`);
  }
  return { dir, created };
}

/** Removes an out-dir this run created, when the exchange failed before anything was written to it. */
export async function abandonOutDir(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}

/** Checks an env-file destination before the exchange. */
export async function prepareDotenv(given: string): Promise<string> {
  const file = resolve(given);
  await checkParent(file, '--dotenv');
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw e;
  }
  if (st.isSymbolicLink()) throw new UnsafeDestinationError('is_link', `--dotenv ${file} is a symbolic link; remove it or give another path`);
  if (!st.isFile()) throw new UnsafeDestinationError('not_private', `--dotenv ${file} exists and is not a regular file`);
  if (st.uid !== uid()) throw new UnsafeDestinationError('not_private', `--dotenv ${file} belongs to ${describeOwner(st.uid)}, not to you; remove it or give another path`);
  return file;
}

/** One file per secret in a folder `prepareOutDir` accepted. */
export async function writeSecretFiles(dir: string, secrets: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(secrets)) await writePrivateFile(join(dir, name), value);
}

/**
 * Written under a fresh name that nobody can have planted (O_EXCL) and that is never a link (O_NOFOLLOW), with
 * mode 0600 from the first byte, synced, then renamed over `path`: never readable by others, never half-written.
 */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
