// Analysts: sales and occupancy by day, as bar charts drawn in inline SVG (no library), each with
// its table (the numbers, for screen readers and for copying).
import { queries } from '../core/api.js';
import { h, pageShow, field, errorBox } from '../core/dom.js';
import { money } from '../core/format.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, String(v)));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function barChart(title, points, format) {
  const width = 640; const height = 240; const left = 56; const bottom = 40; const top = 16;
  const max = Math.max(1, ...points.map((p) => p.value));
  const band = (width - left - 8) / Math.max(1, points.length);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}: bar chart`, class: 'chart' });
  for (let i = 0; i <= 4; i++) {
    const y = top + (height - top - bottom) * (1 - i / 4);
    svg.append(s('line', { x1: left, x2: width - 8, y1: y, y2: y, class: 'grid' }), s('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, format(max * i / 4)));
  }
  points.forEach((p, i) => {
    const barHeight = (height - top - bottom) * (p.value / max);
    const x = left + i * band + band * 0.15;
    const bar = s('rect', { x, y: height - bottom - barHeight, width: band * 0.7, height: barHeight, class: 'bar' });
    bar.append(s('title', {}, `${p.label}: ${format(p.value)}`));
    svg.append(bar, s('text', { x: x + band * 0.35, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis' }, p.label.slice(5)));
  });
  return svg;
}

function table(caption, head, rows) {
  return h('table', { class: 'table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, c)))))));
}

export async function render() {
  const show = pageShow();
  const today = new Date();
  const iso = (d) => d.toISOString().slice(0, 10);
  const from = h('input', { type: 'date', name: 'from', value: iso(new Date(today - 7 * 86400000)) });
  const to = h('input', { type: 'date', name: 'to', value: iso(new Date(+today + 8 * 86400000)) });
  const out = h('div');
  const form = h('form', { class: 'filters', 'aria-label': 'Period' }, field('From (included)', from), field('To (excluded)', to), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  show(h('h1', {}, 'Analytics'), form, out);

  async function load() {
    out.replaceChildren(h('p', {}, 'Loading…'));
    try {
      const q = `from=${from.value}&to=${to.value}&groupBy=day`;
      const [sales, occupancy] = await Promise.all([queries.get(`/api/analytics/sales?${q}`), queries.get(`/api/analytics/occupancy?${q}`)]);
      const currencies = [...new Set(sales.rows.map((r) => r.gross.currency))];
      out.replaceChildren(
        h('section', { 'aria-labelledby': 'sales-title' }, h('h2', { id: 'sales-title' }, 'Sales by day (gross, by day of payment)'),
          currencies.length ? currencies.map((cur) => barChart(`Sales in ${cur}`, sales.rows.filter((r) => r.gross.currency === cur).map((r) => ({ label: r.label, value: r.gross.amountMinor })), (v) => money({ amountMinor: Math.round(v), currency: cur }))) : h('p', { class: 'muted' }, 'No sales in this period.'),
          table('Sales by day', ['Day', 'Bookings', 'Seats', 'Gross'], sales.rows.map((r) => [r.label, r.bookings, r.seats, money(r.gross)]))),
        h('section', { 'aria-labelledby': 'occ-title' }, h('h2', { id: 'occ-title' }, 'Occupancy by day (screenings starting that day)'),
          barChart('Occupancy', occupancy.rows.map((r) => ({ label: r.label, value: r.occupancyPercent ?? 0 })), (v) => `${Math.round(v)} %`),
          table('Occupancy by day', ['Day', 'Screenings', 'Cancelled', 'Seats sold', 'Capacity', 'Occupancy'], occupancy.rows.map((r) => [r.label, r.screenings, r.cancelledScreenings, r.seatsSold, r.capacity, r.occupancyPercent == null ? '–' : `${r.occupancyPercent.toFixed(1)} %`]))));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  }
  await load();
}
