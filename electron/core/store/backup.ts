/**
 * Backups of the live database, made with SQLite's online backup API (never a file copy: a copy
 * taken while the WAL holds committed pages would miss them or tear). Every backup is finished
 * under a `.partial` name, turned into a self-contained single file, verified read-only, and
 * only then given its final name — so a crash mid-backup never leaves a file that looks good.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
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

/**
 * What made a backup: the scheduler (at start and after writes), 立即备份, the safety backup a
 * restore takes first, or an imported file.
 */
import type { BackupKind } from '../common/vocabulary';
import { fileStamp } from '../common/localTime';
export type { BackupKind };
const BACKUP_KINDS: readonly BackupKind[] = ['auto', 'manual', 'safety', 'import'];

export interface BackupInfo {
  /** file name inside the backups folder, e.g. reviewdesk-20250305-142210.sqlite3 */
  name: string;
  /** what made it (from the labels file beside the backups; 'auto' when unknown) */
  kind: BackupKind;
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

/** YYYYMMDD-HHMMSS in local time: what the user sees in a file manager matches the clock. */
export const timestamp = fileStamp;

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

/**
 * The kinds of backups are kept in a small index beside them, never inside the backup: a write
 * into the copy would raise its write count above the live file's and look like lost writes.
 * A missing, unreadable or foreign entry reads as 'auto'.
 */
export const BACKUP_LABELS = 'labels.json';

export function readBackupLabels(dir: string): Record<string, BackupKind> {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(dir, BACKUP_LABELS), 'utf8'));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Record<string, BackupKind> = {};
    for (const [name, kind] of Object.entries(raw as Record<string, unknown>)) {
      if (parseBackupName(name) && BACKUP_KINDS.includes(kind as BackupKind)) out[name] = kind as BackupKind;
    }
    return out;
  } catch {
    return {};
  }
}

/** Written under a .partial name and renamed: a crash leaves the old index or the new one. */
function writeBackupLabels(dir: string, labels: Record<string, BackupKind>): void {
  const file = join(dir, BACKUP_LABELS);
  const partial = file + PARTIAL;
  writeFileSync(partial, JSON.stringify(labels, null, 1));
  renameSync(partial, file);
}

/**
 * Records the kind of a new backup and drops entries of backups no longer in the folder.
 * 'auto' is not written (it is what a missing entry means). A failure to write the index costs
 * only the label, never the backup.
 */
export function labelBackup(dir: string, name: string | null, kind: BackupKind = 'auto'): void {
  try {
    const present = new Set(listBackupNames(dir));
    const labels = readBackupLabels(dir);
    const next: Record<string, BackupKind> = {};
    for (const [n, k] of Object.entries(labels)) if (present.has(n) && n !== name) next[n] = k;
    if (name && kind !== 'auto' && present.has(name)) next[name] = kind;
    if (JSON.stringify(next) === JSON.stringify(labels)) return;
    if (Object.keys(next).length === 0) rmSync(join(dir, BACKUP_LABELS), { force: true });
    else writeBackupLabels(dir, next);
  } catch {}
}

/** Name, time, size and counts of one backup; counts are null when it cannot be read. */
export function readBackupInfo(
  dir: string,
  name: string,
  opts: BackupFileOptions = {},
  labels: Record<string, BackupKind> = readBackupLabels(dir),
): BackupInfo {
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
  return { name, kind: labels[name] ?? 'auto', time: parsed.time.toISOString(), bytes: statSync(file).size, counts };
}

export function listBackups(dir: string, opts: BackupFileOptions = {}): BackupInfo[] {
  const labels = readBackupLabels(dir);
  return listBackupNames(dir).map((n) => readBackupInfo(dir, n, opts, labels));
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
export async function createBackup(db: Db, dir: string, opts: BackupFileOptions & { now?: Date; kind?: BackupKind } = {}): Promise<BackupInfo> {
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
  labelBackup(dir, name, opts.kind ?? 'auto');
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

/**
 * How much of the user's own work a database holds: annotations and drafts (tombstones too, so a
 * deletion does not make it lighter) and report versions other than the seeded bundled report.
 * Only a lost or replaced file gets lighter, never ordinary use.
 */
export function userDataWeight(db: Db): number {
  const row = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM annotations) + (SELECT COUNT(*) FROM drafts)
            + (SELECT COUNT(*) FROM versions WHERE id IS NOT (SELECT value FROM settings WHERE key = 'library.seeded')) AS n`,
    )
    .get() as { n: number };
  return row.n;
}

/** The weight of a backup file; null when it cannot be read. */
function backupWeight(file: string, opts: BackupFileOptions): number | null {
  try {
    const db = openPlainDatabase(file, { readonly: true, nativeBinding: opts.nativeBinding });
    try {
      return userDataWeight(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Backups rotation must keep whatever their age: the newest one that holds the user's work, and
 * the newest of the heaviest. Without them, ten backups of an empty (or much lighter) database —
 * a fresh start after the file was lost, a restore of an old state — would push the last good
 * backup out of rotation.
 */
export function backupsHoldingWork(dir: string, opts: BackupFileOptions = {}): string[] {
  let newestWithWork: string | null = null;
  let heaviest: { name: string; weight: number } | null = null;
  for (const name of listBackupNames(dir)) {
    const weight = backupWeight(join(dir, name), opts);
    if (!weight) continue;
    newestWithWork ??= name;
    if (!heaviest || weight > heaviest.weight) heaviest = { name, weight };
  }
  return [...new Set([newestWithWork, heaviest?.name].filter((n): n is string => n !== null && n !== undefined))];
}

/** Deletes backups rotation does not keep. Call only after the newest one was verified. */
export function pruneBackups(dir: string, now: Date, protect: string[] = [], opts: BackupFileOptions = {}): string[] {
  const names = listBackupNames(dir);
  const keep = backupsToKeep(names, now);
  if (names.some((n) => !keep.has(n))) for (const n of backupsHoldingWork(dir, opts)) keep.add(n);
  const removed = names.filter((n) => !keep.has(n) && !protect.includes(n));
  for (const n of removed) removeQuietly(join(dir, n));
  if (removed.length) labelBackup(dir, null);
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
    startNewLineage(staged, opts);
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
 * the way. `walCopy` (from preserveWal) stands in for the -wal when given: it holds the log as it
 * was before SQLite, opening the file, replayed or discarded it. Returns the new path of the main
 * file; with the main file missing, only what was left beside it is moved.
 */
export function moveAsideDamaged(liveFile: string, now: Date = new Date(), walCopy: string | null = null): string {
  let target = `${liveFile}.damaged-${timestamp(now)}`;
  for (let i = 2; [target, `${target}-wal`, `${target}-shm`].some(existsSync); i++) target = `${liveFile}.damaged-${timestamp(now)}-${i}`;
  if (existsSync(liveFile)) renameSync(liveFile, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(liveFile + suffix)) renameSync(liveFile + suffix, target + suffix);
  }
  if (walCopy && existsSync(walCopy)) renameSync(walCopy, `${target}-wal`);
  return target;
}

/**
 * A copy of the -wal a crash left behind, taken before the database is opened. Opening replays a
 * good log, silently drops a damaged one, and closing deletes it — so if the check after opening
 * finds writes missing, this copy is the evidence kept with the file. Null when there is no log
 * (a clean shutdown leaves none, so this costs nothing on an ordinary start).
 */
export function preserveWal(liveFile: string): string | null {
  const wal = `${liveFile}-wal`;
  const copy = `${liveFile}.wal-at-start`;
  if (!existsSync(wal) || statSync(wal).size === 0) {
    rmSync(copy, { force: true }); // left by a start that crashed before it was done with it
    return null;
  }
  copyFileSync(wal, copy);
  return copy;
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

/** Settings key of a recovery the user has not answered yet (kept in the stand-in database). */
export const RECOVERY_PENDING = 'recovery.pending';

export interface WriteCount {
  /** random id of one database and the backups made from it */
  lineage: string;
  /** writes to the user's data since the database was created (triggers keep it) */
  writes: number;
}

/** The database's durable write count; null before migration 5 ran (an older backup). */
export function durableWriteCount(db: Db): WriteCount | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'write_counter'").get();
  if (!table) return null;
  return (db.prepare('SELECT lineage, writes FROM write_counter WHERE id = 1').get() as WriteCount | undefined) ?? null;
}

function backupWriteCount(file: string, opts: BackupFileOptions): WriteCount | null {
  try {
    const db = openPlainDatabase(file, { readonly: true, nativeBinding: opts.nativeBinding });
    try {
      return durableWriteCount(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export interface LostWrites {
  /** the backup that holds more writes than the live file */
  backup: string;
  backupTime: string;
  backupWrites: number;
  liveWrites: number;
}

/**
 * Did the live database lose acknowledged writes? Its write count can only grow, and every backup
 * made from it (same lineage) copied a count it had reached — so a backup with a higher count
 * means committed writes are gone, typically a -wal that was damaged or deleted after a crash
 * (SQLite then opens the older main file without complaint). A restore starts a new lineage, so
 * going back to an older backup is not mistaken for a loss.
 */
export function findLostWrites(db: Db, dir: string, opts: BackupFileOptions = {}): LostWrites | null {
  const live = durableWriteCount(db);
  if (!live) return null;
  let worst: LostWrites | null = null;
  for (const name of listBackupNames(dir)) {
    const b = backupWriteCount(join(dir, name), opts);
    if (!b || b.lineage !== live.lineage || b.writes <= live.writes) continue;
    if (!worst || b.writes > worst.backupWrites) {
      worst = { backup: name, backupTime: parseBackupName(name)!.time.toISOString(), backupWrites: b.writes, liveWrites: live.writes };
    }
  }
  return worst;
}

/**
 * A database with nothing in it at all — no report, no mark, not even a setting: what SQLite
 * makes of a file whose content is gone. Never what a started app leaves (it seeds or records).
 */
export function isBlankDatabase(db: Db): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM reports) OR EXISTS (SELECT 1 FROM annotations) OR EXISTS (SELECT 1 FROM drafts)
           OR EXISTS (SELECT 1 FROM settings) AS used`,
    )
    .get() as { used: number };
  return row.used === 0;
}

/**
 * A file about to be restored becomes a database of its own: a new lineage (the backups made
 * before it hold higher write counts and must not look like lost writes), and no pending recovery
 * carried over from the state it was backed up in.
 */
function startNewLineage(file: string, opts: BackupFileOptions): void {
  const db = openPlainDatabase(file, { nativeBinding: opts.nativeBinding });
  try {
    db.transaction(() => {
      if (durableWriteCount(db)) db.prepare('UPDATE write_counter SET lineage = ?').run(randomUUID());
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get()) {
        db.prepare('DELETE FROM settings WHERE key = ?').run(RECOVERY_PENDING);
      }
    })();
  } finally {
    db.close();
  }
}
