/**
 * Unzipping files that come from outside (a .docx, an exchange bundle) without trusting them:
 * only the wanted entries are inflated, the declared sizes and the bytes actually produced are
 * both capped (declared sizes can lie), and input is pushed in small slices so a zip bomb is
 * stopped soon after it starts. Callers supply their own Chinese refusals.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { ReviewDeskError } from '../errors';

export interface GuardedUnzipOptions {
  /** entries to inflate; others are skipped unread */
  wanted(name: string): boolean;
  /** cap on the declared sizes of all entries together and on the bytes actually inflated */
  maxBytes: number;
  /** called for every entry before anything is inflated; throw a ReviewDeskError to refuse */
  onEntry?(name: string, declaredSize: number): void;
  tooLarge(): ReviewDeskError;
  corrupt(): ReviewDeskError;
}

export interface UnzippedFiles {
  files: Map<string, Uint8Array>;
  /** entries whose data ended properly (a truncated archive leaves some incomplete) */
  complete: Set<string>;
}

const STEP = 16 * 1024; // at most a few MB can come out of one slice, even of a bomb

export function guardedUnzip(bytes: Uint8Array, opts: GuardedUnzipOptions): UnzippedFiles {
  const chunks = new Map<string, Uint8Array[]>();
  const complete = new Set<string>();
  let declared = 0;
  let inflated = 0;
  const unzip = new Unzip((file) => {
    declared += file.originalSize ?? 0;
    if (declared > opts.maxBytes) throw opts.tooLarge();
    opts.onEntry?.(file.name, file.originalSize ?? 0);
    if (!opts.wanted(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, chunk, final) => {
      // fflate hands a refusal thrown from a previous chunk back as `err`: keep it
      if (err) throw err instanceof ReviewDeskError ? err : opts.corrupt();
      inflated += chunk.length;
      if (inflated > opts.maxBytes) throw opts.tooLarge();
      parts.push(chunk);
      if (final) complete.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, Math.min(at + STEP, bytes.length)), at + STEP >= bytes.length);
  } catch (e) {
    if (e instanceof ReviewDeskError) throw e;
    throw opts.corrupt();
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) {
    const buf = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      buf.set(p, at);
      at += p.length;
    }
    files.set(name, buf);
  }
  return { files, complete };
}
