/**
 * Every error code the app can answer with, and the one envelope both transports carry.
 * A code is a stable name for a situation (the UI may branch on it); the Chinese message beside
 * it is what the user reads. A code not listed here is a type error wherever it is thrown.
 *
 * This file is in `core/common`: pure data, no Node, no DOM; the renderer may import it.
 */

/** Background jobs (core/jobs) fail in their own domain: `import/timeout`, `review/worker-crashed`, … */
export const JOB_DOMAINS = ['import', 'review', 'versions', 'anchor', 'bundle'] as const;
export type JobDomain = (typeof JOB_DOMAINS)[number];

export const ERROR_CODES = [
  // the transports and dispatch (host/server.ts, main/ipc.ts, api/dispatch.ts, renderer/api/client.ts)
  'invalid-argument',
  'unknown-method',
  'forbidden',
  'internal',
  'too-complex',
  'too-large',
  'bad-host',
  'bad-url',
  'cross-origin',
  'unauthorized',
  'method-not-allowed',
  'offline',
  'bad-response',
  // below the domain: SQLite and the system (api/failures.ts)
  'disk-full',
  'data-readonly',
  'data-unavailable',
  'data-busy',
  'data-io',
  'conflict/missing-reference',
  'conflict/duplicate',
  'conflict/constraint',
  // the database file
  'store/corrupt',
  'store/open-failed',
  'store/too-new',
  // records gone
  'not-found/report',
  'not-found/version',
  'not-found/annotation',
  'not-found/draft',
  'not-found/ledger-entry',
  // importing a report
  'import/empty',
  'import/too-large',
  'import/binary',
  'import/unsupported',
  'import/not-found',
  'import/no-paragraphs',
  'import/docx-invalid',
  'import/docx-encrypted',
  'import/pdf-invalid',
  'import/pdf-encrypted',
  'import/pdf-scanned',
  'import/zip-bomb',
  'import/duplicate-version',
  'file-too-large',
  'file-unreadable',
  // marks and their anchors
  'anchor.bad-range',
  'anchor.block-not-found',
  'anchor.empty-selection',
  'anchor/bad-annotations',
  'anchor/unknown-block',
  'annotation/exists',
  'mark/bad-target',
  // drafts, authorship, exports
  'draft/exists',
  'draft/orphaned',
  'draft/submitted',
  'draft/unknown-field',
  'draft/unknown-kind',
  'draft.unknownKind',
  'authorship/no-name',
  'delegation/no-amendments',
  'export/empty',
  'export/no-draft',
  'export/unsupported',
  'export/write-failed',
  'export/wrong-extension',
  'destination/not-chosen',
  'destination/refused',
  // printing the report with its marks (the desktop app's PDF; the browser prints itself)
  'print/use-print-dialog',
  'print/failed',
  // versions
  'versions/different-reports',
  'versions/last-version',
  'versions/same',
  'versions/store-changed',
  'versions/repair-unknown',
  'versions/repair-unchanged',
  // backups
  'backup/failed',
  'backup/in-recovery',
  'backup/not-a-backup',
  'backup/not-found',
  'backup/passphrase-required',
  'backup/restore-failed',
  'backup/unavailable',
  'backup/write-failed',
  // exchange bundles
  'bundle/corrupt',
  'bundle/future-date',
  'bundle/inconsistent',
  'bundle/invalid',
  'bundle/not-a-bundle',
  'bundle/passphrase-required',
  'bundle/tampered',
  'bundle/too-large',
  'bundle/too-many-entries',
  'bundle/too-new',
  'bundle/truncated',
  'bundle/unsafe-name',
  'bundle/write-failed',
  // sealed files
  'seal/not-sealed',
  'seal/truncated',
  'seal/corrupt',
  'seal/too-new',
  'seal/bad-header',
  'seal/wrong-passphrase',
  'seal/weak-passphrase',
  // background jobs: `${JobDomain}/timeout | worker-crashed | cancelled` (core/jobs/runner.ts)
  'jobs/worker-missing',
  'import/timeout',
  'import/worker-crashed',
  'import/cancelled',
  'review/timeout',
  'review/worker-crashed',
  'review/cancelled',
  'versions/timeout',
  'versions/worker-crashed',
  'versions/cancelled',
  'anchor/timeout',
  'anchor/worker-crashed',
  'anchor/cancelled',
  'bundle/timeout',
  'bundle/worker-crashed',
  'bundle/cancelled',
  // the command-line tools (electron/cli)
  'cli/usage',
  'cli/file-not-found',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as it travels to the renderer: stable code + Chinese message, never a stack. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

/**
 * Every answer on both transports: the HTTP body of the browser host and the value an IPC
 * handler returns. Failures are data, never a thrown Error, so nothing wraps or rewrites them.
 */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** What the user reads when something failed that they cannot act on (the stack goes to the log). */
export const INTERNAL_ERROR_MESSAGE = '操作未完成：程序内部出错。之前保存的内容不受影响。';
export const INTERNAL_ERROR: ApiError = { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
