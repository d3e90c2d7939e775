/**
 * Dates and times as people here read them, in the machine's local time (a deputy's laptop is
 * set to Beijing time; UTC would put an evening's work on the next day). One module for the
 * back end's exports, file names and messages and for the renderer, so the same instant never
 * reads two ways.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024年1月20日, as dates are written on the forms. */
export function chineseDate(d: Date = new Date()): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A form's YYYY-MM-DD as 2024年1月20日; anything else (typed by hand) as it is. */
export function chineseDay(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd.trim();
}

/** 2025年3月5日 14:22 (14:22:10 with `seconds`): when a backup, bundle or file was made. */
export function chineseDateTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  return `${chineseDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
}

/** YYYY-MM-DD: a form's 日期 field. */
export function isoLocalDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 2024-01-20 09:30: a time in a table a reader scans (digests, conflict lists); a bad value is shown as given. */
export function isoLocalMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${isoLocalDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** YYYYMMDD-HHMMSS: in a file name, so a file manager's sort follows the clock. */
export function fileStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}
