import { describe, expect, it } from 'vitest';
import { distinctLocalTimes, localTime } from '../../renderer/i18n/localTime';

describe('distinctLocalTimes', () => {
  it('adds seconds only where two times share a minute', () => {
    const at = (h: number, m: number, s: number) => new Date(2025, 2, 5, h, m, s).toISOString();
    const times = distinctLocalTimes([{ time: at(14, 22, 10) }, { time: at(14, 22, 3) }, { time: at(9, 5, 0) }]);
    expect(times).toEqual(['2025年3月5日 14:22:10', '2025年3月5日 14:22:03', '2025年3月5日 09:05']);
    expect(new Set(times).size).toBe(3);
    expect(localTime(at(9, 5, 7))).toBe('2025年3月5日 09:05');
  });

  it('numbers two made in the same second in the order they were made', () => {
    const t = new Date(2025, 2, 5, 14, 22, 10).toISOString();
    expect(distinctLocalTimes([{ time: t }, { time: t }])).toEqual(['2025年3月5日 14:22:10（2）', '2025年3月5日 14:22:10']);
  });
});
