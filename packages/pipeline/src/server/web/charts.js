// Trend charts with Chart.js (served from node_modules as /vendor/chart.umd.min.js; no CDN).
import { t } from './i18n.js';

const PALETTE = [
  '#1f6f8b',
  '#e07a1f',
  '#3a9d5d',
  '#c23b3b',
  '#7b5ea7',
  '#8c6d31',
  '#d4619f',
  '#5f7d8c',
  '#b5b82a',
  '#2bb3c0',
  '#6b4226',
  '#999999',
];

const charts = new Map();

function draw(canvas, config) {
  const Chart = window.Chart;
  if (!Chart) throw new Error('Chart.js did not load (/vendor/chart.umd.min.js)');
  charts.get(canvas.id)?.destroy();
  charts.set(canvas.id, new Chart(canvas, config));
}

function stacked(canvas, trend, labelOf) {
  draw(canvas, {
    type: 'bar',
    data: {
      labels: trend.months,
      datasets: trend.series.map((s, i) => ({
        label: s.key === null ? t('charts.others') : labelOf(s.key),
        data: s.counts,
        backgroundColor: s.key === null ? '#c8c8c8' : PALETTE[i % PALETTE.length],
        maxBarThickness: 48,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: t('charts.events') },
        },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    },
  });
}

/** Draws the three charts: per month by province, per month by type, most-cited directives. */
export function renderCharts({ byProvince, byType, facets }) {
  stacked(document.getElementById('chart-province'), byProvince, (k) => k);
  stacked(document.getElementById('chart-type'), byType, (k) => t(`type.${k}`));
  const top = facets.directive.filter((b) => b.key !== null).slice(0, 12);
  draw(document.getElementById('chart-directives'), {
    type: 'bar',
    data: {
      labels: top.map((b) => b.key),
      datasets: [
        { label: t('charts.events'), data: top.map((b) => b.count), backgroundColor: PALETTE[0], maxBarThickness: 24 },
      ],
    },
    options: {
      animation: false,
      indexAxis: 'y',
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } },
    },
  });
}
