import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useReader } from '../../store/reader';
import { t } from '../../i18n/zh-CN';
import type { ChartGroup } from './table';

// Only the pieces a grouped bar chart needs: keeps the bundle small (and nothing loads at run time).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** A translucent version of a theme colour (#rgb / #rrggbb; anything else is used as is). */
function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** 上年完成 vs 今年目标 per metric, in the reader's theme colours. */
export function IndicatorChart({ group }: { group: ChartGroup }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useReader((s) => s.theme);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const fg = cssVar(el, '--fg', '#1d1d1f');
    const muted = cssVar(el, '--muted', '#6b6b70');
    const line = cssVar(el, '--line', '#dedede');
    const accent = cssVar(el, '--accent', '#b3261e');
    const font = { family: cssVar(el, '--ui-font', 'sans-serif'), size: 12 };
    const texts = [group.resultText, group.targetText];
    const chart = new Chart(el, {
      type: 'bar',
      data: {
        labels: group.metrics,
        datasets: [
          {
            label: t.indicators.lastResult,
            data: group.result,
            backgroundColor: withAlpha(muted, 0.45),
            borderColor: muted,
            borderWidth: 1,
            maxBarThickness: 44,
          },
          { label: t.indicators.thisTarget, data: group.target, backgroundColor: accent, borderColor: accent, borderWidth: 1, maxBarThickness: 44 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: fg,
        font,
        scales: {
          x: { ticks: { color: fg, font, autoSkip: false, maxRotation: 45 }, grid: { display: false }, border: { color: line } },
          y: { ticks: { color: muted, font, callback: (v) => `${v}${group.unit}` }, grid: { color: line }, border: { color: line }, beginAtZero: true },
        },
        plugins: {
          legend: { position: 'top', align: 'end', labels: { color: fg, font, boxWidth: 14 } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}：${texts[c.datasetIndex][c.dataIndex] ?? c.formattedValue}` } },
        },
      },
    });
    return () => chart.destroy();
  }, [group, theme]);

  return (
    <div className="indicator-chart-box">
      <canvas ref={canvas} role="img" aria-label={`${t.indicators.chartTitle}（${group.unit}）：${group.metrics.join('、')}`} />
    </div>
  );
}
