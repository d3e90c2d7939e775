import { chineseDateTime as localTime } from '../../electron/core/common/localTime';

/** 2025年3月5日 14:22 (14:22:10 with `seconds`) — how backups and exchange bundles show when something was made. */
export { localTime };

const tally = (xs: readonly string[]) => {
  const count = new Map<string, number>();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  return count;
};

/**
 * Times for a list of things made at `time` (newest first): to the minute, with seconds for those
 * that share a minute with another, so no two rows read alike; two made in the same second are
 * numbered in the order they were made — 14:22:10（2）.
 */
export function distinctLocalTimes(items: readonly { time: string }[]): string[] {
  const minutes = items.map((x) => localTime(x.time));
  const perMinute = tally(minutes);
  const shown = items.map((x, i) => ((perMinute.get(minutes[i]) ?? 0) > 1 ? localTime(x.time, true) : minutes[i]));
  const perSecond = tally(shown);
  const seen = new Map<string, number>();
  const out = [...shown];
  for (let i = items.length - 1; i >= 0; i--) {
    if ((perSecond.get(shown[i]) ?? 0) < 2) continue;
    const n = (seen.get(shown[i]) ?? 0) + 1;
    seen.set(shown[i], n);
    if (n > 1) out[i] = `${shown[i]}（${n}）`;
  }
  return out;
}
