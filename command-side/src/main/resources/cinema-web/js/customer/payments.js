import { queries } from '../core/api.js';
import { h, pageShow } from '../core/dom.js';
import { money, dateTime, words } from '../core/format.js';

export async function render() {
  const show = pageShow();
  const page = await queries.get('/api/me/payments?size=50');
  show(h('h1', {}, 'Payment history'),
    page.totals?.length ? h('ul', { class: 'totals' }, page.totals.map((t) => h('li', { class: 'card' },
      `Paid ${money(t.paid)} · refunded ${money(t.refunded)} · net ${money(t.net)}`))) : null,
    page.items.length
      ? h('table', { class: 'table' },
        h('caption', { class: 'sr-only' }, 'Your payments and refunds, newest first'),
        h('thead', {}, h('tr', {}, ['When', 'What', 'Amount', 'Status', 'Booking'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map((p) => h('tr', {},
          h('td', {}, dateTime(p.at)),
          h('td', {}, words(p.kind), p.reason ? h('span', { class: 'muted' }, ` – ${p.reason}`) : null),
          h('td', { class: 'num' }, money(p.amount)),
          h('td', {}, h('span', { class: `pill ${String(p.status).toLowerCase()}` }, words(p.status))),
          h('td', {}, h('a', { href: `#/bookings/${p.bookingId}` }, 'Booking'))))))
      : h('p', {}, 'No payments yet.'));
}
