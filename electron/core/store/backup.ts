/**
 * Backups of the live database, made with SQLite's online backup API (never a file copy: a copy
 * taken while the WAL holds committed pages would miss them or tear). Every backup is finished
 * under a `.partial` name, turned into a self-contained single file, verified read-only, and
 * only then given its final name — so a crash mid-backup never leaves a file that looks good.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ReviewDeskError } from '../errors';
import { migrations } from './migrations';
import { openDatabase, openPlainDatabase, schemaVersion, type Db } from './db';

export const BACKUP_FOLDER = 'backups';
const NAME = /^reviewdesk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?\.sqlite3$/;
const PARTIAL = '.partial';

export interface BackupCounts {
  reports: number;
  annotations: number;
  drafts: number;
}

export interface BackupInfo {
  /** file name inside the backups folder, e.g. reviewdesk-20250305-142210.sqlite3 */
  name: string;
  /** ISO time the backup was taken (from its name, which is local time) */
  time: string;
  bytes: number;
  /** live records in the backup; null when the file cannot be read */
  counts: BackupCounts | null;
}

export interface BackupFileOptions {
  nativeBinding?: string;
}

export function backupFolder(dataDir: string): string {
  return join(dataDir, BACKUP_FOLDER);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYYMMDD-HHMMSS in local time: what the user sees in a file manager matches the clock. */
export function timestamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

interface ParsedName {
  name: string;
  time: Date;
  /** same-second sequence number (0 for the first) */
  seq: number;
}

export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const time = new Date(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(time.getTime()) || time.getMonth() !== mo - 1) return null;
  return { name, time, seq: m[7] ? Number(m[7]) : 0 };
}

/** Backup files in the folder, newest first. Anything not named like a backup is ignored. */
function parsedBackups(dir: string): ParsedName[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map(parseBackupName)
    .filter((p): p is ParsedName => p !== null)
    .sort((a, b) => b.time.getTime() - a.time.getTime() || b.seq - a.seq);
}

export function listBackupNames(dir: string): string[] {
  return parsedBackups(dir).map((p) => p.name);
}

function countsOf(db: Db): BackupCounts {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  return { reports: count('reports'), annotations: count('annotations'), drafts: count('drafts') };
}

/**
 * Opens a backup read-only, runs integrity_check and reads its counts. Throws store/corrupt for
 * a damaged file and store/too-new for one written by a newer ReviewDesk.
 */
export function verifyBackupFile(file: string, opts: BackupFileOptions = {}): BackupCounts & { schemaVersion: number } {
  const db = openDatabase(file, { readonly: true, nativeBinding: opts.nativeBinding });
  try {
    const version = schemaVersion(db);
    const newest = Math.max(...migrations.map((m) => m.version));
    if (version > newest) throw new ReviewDeskError('store/too-new', `这个备份由更新版本的审议台创建（结构版本 ${version}），当前版本无法使用。`);
    if (version === 0) throw new ReviewDeskError('store/corrupt', '这个文件不是审议台的备份。');
    return { ...countsOf(db), schemaVersion: version };
  } finally {
    db.close();
  }
}

/** Name, time, size and counts of one backup; counts are null when it cannot be read. */
export function readBackupInfo(dir: string, name: string, opts: BackupFileOptions = {}): BackupInfo {
  const parsed = parseBackupName(name);
  if (!parsed) throw new ReviewDeskError('backup/not-found', '没有这个备份。');
  const file = join(dir, name);
  let counts: BackupCounts | null = null;
  try {
    const db = openPlainDatabase(file, { readonly: true, nativeBinding: opts.nativeBinding });
    try {
      counts = countsOf(db);
    } finally {
      db.close();
    }
  } catch {
    counts = null;
  }
  return { name, time: parsed.time.toISOString(), bytes: statSync(file).size, counts };
}

export function listBackups(dir: string, opts: BackupFileOptions = {}): BackupInfo[] {
  return listBackupNames(dir).map((n) => readBackupInfo(dir, n, opts));
}

/**
 * Resolves a backup name from the API to a file in the backups folder. The name must be one the
 * folder listing shows — a traversal like ../reviewdesk.sqlite3 is simply not in that list.
 */
export function resolveBackup(dir: string, name: string): string {
  if (!listBackupNames(dir).includes(name)) throw new ReviewDeskError('backup/not-found', '没有这个备份，可能已被轮换删除。请刷新列表后重试。');
  return join(dir, name);
}

function uniqueName(dir: string, now: Date): string {
  const base = `reviewdesk-${timestamp(now)}`;
  for (let seq = 0; seq < 1000; seq++) {
    const name = `${base}${seq ? `-${seq}` : ''}.sqlite3`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, name + PARTIAL))) return name;
  }
  throw new ReviewDeskError('backup/failed', '备份未完成：同一秒内的备份过多。');
}

/** A fresh backup copy is in WAL format; make it one self-contained file (no -wal/-shm beside it). */
function makeSelfContained(file: string, opts: BackupFileOptions): void {
  const db = openPlainDatabase(file, { nativeBinding: opts.nativeBinding });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

/** Online backup of `db` into the backups folder, verified before it gets its final name. */
export async function createBackup(db: Db, dir: string, opts: BackupFileOptions & { now?: Date } = {}): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const name = uniqueName(dir, opts.now ?? new Date());
  const partial = join(dir, name + PARTIAL);
  try {
    await db.backup(partial);
    makeSelfContained(partial, opts);
    verifyBackupFile(partial, opts);
    renameSync(partial, join(dir, name));
  } catch (e) {
    removeQuietly(partial);
    const why = e instanceof ReviewDeskError ? e.message : (e as Error).message;
    throw new ReviewDeskError('backup/failed', `备份未完成：${why}`);
  }
  return readBackupInfo(dir, name, opts);
}

/**
 * Which backups rotation keeps: the newest `keepLast`, plus the newest of each calendar day for
 * the last `days` days (today included), so an old good state survives a burst of changes.
 */
export function backupsToKeep(names: string[], now: Date, keepLast = 10, days = 7): Set<string> {
  const parsed = names
    .map(parseBackupName)
    .filter((p): p is ParsedName => p !== null)
    .sort((a, b) => b.time.getTime() - a.time.getTime() || b.seq - a.seq);
  const keep = new Set(parsed.slice(0, keepLast).map((p) => p.name));
  const firstDay = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  const seenDays = new Set<string>();
  for (const p of parsed) {
    if (p.time < firstDay) continue;
    const day = p.name.slice('reviewdesk-'.length, 'reviewdesk-'.length + 8);
    if (seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(p.name);
  }
  return keep;
}

/** Deletes backups rotation does not keep. Call only after the newest one was verified. */
export function pruneBackups(dir: string, now: Date, protect: string[] = []): string[] {
  const names = listBackupNames(dir);
  const keep = backupsToKeep(names, now);
  const removed = names.filter((n) => !keep.has(n) && !protect.includes(n));
  for (const n of removed) removeQuietly(join(dir, n));
  return removed;
}

/** Leftovers of backups a crash interrupted; only old ones, in case another backup is running. */
export function removeStalePartials(dir: string, now: Date, olderThanMs = 10 * 60_000): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    if (!/\.partial(-wal|-shm|-journal)?$/.test(f)) continue;
    const file = join(dir, f);
    try {
      if (now.getTime() - statSync(file).mtimeMs > olderThanMs) rmSync(file, { force: true });
    } catch {}
  }
}

/** Last time anything was written to the live database (main file or its WAL), null if absent. */
export function lastWriteTime(liveFile: string): number | null {
  const times = [liveFile, `${liveFile}-wal`].filter(existsSync).map((f) => statSync(f).mtimeMs);
  return times.length ? Math.max(...times) : null;
}

/**
 * Step one of a restore, done while the live database stays open: copy the backup through the
 * backup API into a temporary file beside the live one (same folder, so the final rename is
 * atomic) and verify the copy. Returns the temporary file.
 */
export async function stageRestore(backupFile: string, liveFile: string, opts: BackupFileOptions & { now?: Date } = {}): Promise<string> {
  verifyBackupFile(backupFile, opts);
  const staged = `${liveFile}.restore-${timestamp(opts.now ?? new Date())}${PARTIAL}`;
  removeQuietly(staged);
  const source = openPlainDatabase(backupFile, { readonly: true, nativeBinding: opts.nativeBinding });
  try {
    await source.backup(staged);
  } catch (e) {
    removeQuietly(staged);
    throw new ReviewDeskError('backup/restore-failed', `恢复未完成：无法读取备份（${(e as Error).message}）。当前数据未改动。`);
  } finally {
    source.close();
  }
  try {
    makeSelfContained(staged, opts);
    verifyBackupFile(staged, opts);
  } catch (e) {
    removeQuietly(staged);
    throw e instanceof ReviewDeskError ? e : new ReviewDeskError('backup/restore-failed', `恢复未完成：${(e as Error).message}。当前数据未改动。`);
  }
  return staged;
}

/**
 * Step two, with the live connection CLOSED: drop the old WAL and shared-memory files (a stale
 * WAL replayed onto the restored file would corrupt it) and atomically rename the staged file
 * over the live one.
 */
export function installStagedDatabase(staged: string, liveFile: string): void {
  rmSync(`${liveFile}-wal`, { force: true });
  rmSync(`${liveFile}-shm`, { force: true });
  renameSync(staged, liveFile);
}

/**
 * Moves a damaged database (and its -wal/-shm, kept together so it can still be examined) out of
 * the way. Returns the new path of the main file.
 */
export function moveAsideDamaged(liveFile: string, now: Date = new Date()): string {
  let target = `${liveFile}.damaged-${timestamp(now)}`;
  for (let i = 2; existsSync(target); i++) target = `${liveFile}.damaged-${timestamp(now)}-${i}`;
  renameSync(liveFile, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(liveFile + suffix)) renameSync(liveFile + suffix, target + suffix);
  }
  return target;
}

/** The newest backup that opens and passes integrity_check, for the recovery prompt. */
export function newestUsableBackup(dir: string, opts: BackupFileOptions = {}): BackupInfo | null {
  for (const name of listBackupNames(dir)) {
    try {
      verifyBackupFile(join(dir, name), opts);
      return readBackupInfo(dir, name, opts);
    } catch {}
  }
  return null;
}

const changeCounters = new WeakMap<Db, () => number>();

/**
 * Rows this connection has written since it opened (SQLite's total_changes()). The API layer
 * compares it around each call to learn that a write happened without a list of write methods.
 */
export function writeCounter(db: Db): number {
  let read = changeCounters.get(db);
  if (!read) {
    const stmt = db.prepare('SELECT total_changes() AS n');
    read = () => (stmt.get() as { n: number }).n;
    changeCounters.set(db, read);
  }
  return read();
}
