import { queries, commands } from '../core/api.js';
import { h, pageShow, errorBox, announce } from '../core/dom.js';
import { money, localStart, dateTime, words } from '../core/format.js';

export async function render() {
  const show = pageShow();
  const page = await queries.get('/api/me/bookings?size=50');
  show(h('h1', {}, 'My bookings'),
    page.items.length
      ? h('table', { class: 'table' },
        h('caption', { class: 'sr-only' }, 'Your bookings, newest first'),
        h('thead', {}, h('tr', {}, ['Film', 'When', 'Where', 'Seats', 'Total', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map((b) => h('tr', {},
          h('td', {}, h('a', { href: `#/bookings/${b.bookingId}` }, b.filmTitle)),
          h('td', {}, localStart(b.localStart)),
          h('td', {}, b.cinemaName),
          h('td', {}, b.seats.map((x) => x.seat).join(', ') || '–'),
          h('td', {}, money(b.total)),
          h('td', {}, h('span', { class: `pill ${b.status.toLowerCase()}` }, words(b.status)))))))
      : h('p', {}, 'No bookings yet. ', h('a', { href: '#/' }, "See what's on")));
}

export async function renderOne(bookingId, waitForChangeFrom) {
  const show = pageShow();
  let b = await queries.get(`/api/me/bookings/${encodeURIComponent(bookingId)}`);
  // After a refund the query side follows a moment later: read again until the booking changed.
  for (let i = 0; waitForChangeFrom && i < 20 && JSON.stringify(b) === waitForChangeFrom; i++) {
    await new Promise((r) => setTimeout(r, 250));
    b = await queries.get(`/api/me/bookings/${encodeURIComponent(bookingId)}`);
  }
  const problem = h('div');
  const boxes = b.seats.map((x) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'seat', value: x.seat, checked: true }), ` ${x.seat} · ${words(x.type)} · ${money(x.price)}`));
  const refund = b.status === 'CONFIRMED' && b.seats.length
    ? h('form', { class: 'card', 'aria-labelledby': 'return-title' },
      h('h2', { id: 'return-title' }, 'Return seats for a refund'),
      h('p', { class: 'muted' }, 'Full refund until 24 hours before the screening, half until 1 hour before, nothing after.'),
      h('fieldset', {}, h('legend', {}, 'Seats to return'), boxes),
      problem,
      h('button', { type: 'submit', id: 'refund' }, 'Return and refund'))
    : null;
  refund?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const seats = boxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    if (!seats.length) { problem.replaceChildren(errorBox(new Error('Pick at least one seat to return.'))); return; }
    try {
      const { status, data } = await commands.post(`/api/bookings/${encodeURIComponent(bookingId)}/refunds`, { seats });
      announce(status === 202
        ? 'Refund requested: the provider did not answer yet; it is retried by itself.'
        : `Refunded ${money(data.amount)} (${data.percent} %) for ${data.seats.join(', ')}.`);
      await renderOne(bookingId, JSON.stringify(b));
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  });
  show(h('p', {}, h('a', { href: '#/bookings' }, '← My bookings')),
    h('h1', {}, b.filmTitle),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', {}, h('span', { class: `pill ${b.status.toLowerCase()}` }, words(b.status)), b.screeningCancelled ? ' (the screening was cancelled)' : ''),
      h('dt', {}, 'When'), h('dd', {}, localStart(b.localStart)),
      h('dt', {}, 'Where'), h('dd', {}, b.cinemaName),
      h('dt', {}, 'Seats'), h('dd', {}, b.seats.map((x) => x.seat).join(', ') || 'none'),
      h('dt', {}, 'Total'), h('dd', {}, money(b.total)),
      b.returnedSeats?.length ? [h('dt', {}, 'Returned'), h('dd', {}, b.returnedSeats.map((x) => x.seat).join(', '))] : null,
      b.refunded ? [h('dt', {}, 'Refunded'), h('dd', {}, money(b.refunded))] : null,
      h('dt', {}, 'Booked'), h('dd', {}, dateTime(b.placedAt))),
    b.status === 'AWAITING_PAYMENT' ? h('p', {}, h('a', { href: `#/screenings/${b.screeningId}` }, 'Back to the seat map')) : null,
    refund);
}
