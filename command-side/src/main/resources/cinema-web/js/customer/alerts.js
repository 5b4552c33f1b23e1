import { queries, commands } from '../core/api.js';
import { h, pageShow, announce } from '../core/dom.js';
import { dateTime, words } from '../core/format.js';

export async function render() {
  const show = pageShow();
  const list = h('ul', { class: 'alerts', 'aria-live': 'polite' });
  const draw = (a) => h('li', { class: `card alert ${a.read ? 'read' : 'unread'}` },
    h('div', { class: 'muted small' }, `${words(a.type)} · ${dateTime(a.occurredAt)}${a.read ? '' : ' · new'}`),
    h('p', {}, a.text),
    a.bookingId ? h('a', { href: `#/bookings/${a.bookingId}` }, 'See the booking') : null,
    a.read ? null : h('button', { type: 'button', class: 'link', onclick: async () => { await commands.post(`/api/me/alerts/${a.alertId}/read`); setTimeout(render, 500); } }, 'Mark read'));
  const page = await queries.get('/api/me/alerts?size=50');
  list.replaceChildren(...page.items.map(draw));
  const readAll = h('button', { type: 'button', class: 'secondary', onclick: async () => { await commands.post('/api/me/alerts/read-all'); announce('All alerts marked read.'); setTimeout(render, 500); } }, 'Mark all read');
  show(h('h1', {}, 'Alerts'), h('p', { class: 'muted' }, 'New alerts appear here as they happen.'), readAll,
    page.items.length ? null : h('p', { id: 'no-alerts' }, 'No alerts yet.'), list);
  // New alerts arrive over the stream the header keeps open (app.js), re-dispatched as a DOM event.
  const onAlert = (e) => { document.getElementById('no-alerts')?.remove(); list.prepend(draw(e.detail)); };
  window.addEventListener('cinema-alert', onAlert);
  return () => window.removeEventListener('cinema-alert', onAlert);
}
