import type { Db } from './db';

/** Key/value settings (author name, role, colour names, view preferences the user expects kept). */
export function createSettingsRepository(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  return {
    get(key: string): string | null {
      return (get.get(key) as { value: string } | undefined)?.value ?? null;
    },
    set(key: string, value: string): void {
      set.run(key, value);
    },
    delete(key: string): void {
      remove.run(key);
    },
    all(): Record<string, string> {
      const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
