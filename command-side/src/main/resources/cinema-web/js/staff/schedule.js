// Staff: schedule a screening (overlaps are refused by the command side and shown in words), and
// cancel one (every hold released, every paid booking refunded).
import { commands, queries } from '../core/api.js';
import { h, pageShow, field, select, errorBox, announce } from '../core/dom.js';
import { localStart, words } from '../core/format.js';
import { catalogue, instantOf } from './common.js';

const TYPES = [['STANDARD', 1100], ['PREMIUM', 1500], ['COUPLE', 2600], ['WHEELCHAIR', 1100]];

export async function render() {
  const show = pageShow();
  const cat = await catalogue();
  const film = select('filmId', cat.films.map((f) => [f.id, `${f.title} (${f.runtimeMinutes} min)`]));
  const cinema = select('cinemaId', cat.cinemas.map((c) => [c.id, c.name]));
  const screen = h('select', { name: 'screenId' });
  const fillScreens = () => screen.replaceChildren(...cat.screens.filter((s) => s.cinemaId === cinema.value).map((s) => h('option', { value: s.id }, s.name)));
  cinema.addEventListener('change', () => { fillScreens(); listFor(); });
  fillScreens();
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  const start = h('input', { type: 'datetime-local', name: 'startsAt', required: true, value: `${tomorrow}T23:30` });
  const currency = h('input', { type: 'text', name: 'currency', value: 'GBP', maxlength: 3, required: true, pattern: '[A-Z]{3}' });
  const prices = TYPES.map(([type, minor]) => [type, h('input', { type: 'number', name: `price-${type}`, min: 0.01, step: 0.01, value: (minor / 100).toFixed(2), required: true })]);
  const onSale = h('input', { type: 'checkbox', name: 'onSale', checked: true });
  const problem = h('div');
  const formEl = h('form', { class: 'card', 'aria-labelledby': 'schedule-title' },
    h('h2', { id: 'schedule-title' }, 'Schedule a screening'),
    field('Film', film), field('Cinema', cinema), field('Screen', screen),
    field('Starts at (the cinema\'s local time)', start),
    h('fieldset', {}, h('legend', {}, 'Prices per seat type'), field('Currency', currency),
      prices.map(([type, inputEl]) => field(`${words(type)} price`, inputEl, 'Only the seat types the screen has are used.'))),
    h('label', { class: 'check' }, onSale, ' On sale at once'),
    problem,
    h('button', { type: 'submit', id: 'schedule' }, 'Schedule'));
  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    const zone = cat.cinemas.find((c) => c.id === cinema.value)?.timeZone || 'UTC';
    const body = {
      filmId: film.value, screenId: screen.value, startsAt: instantOf(start.value, zone), onSale: onSale.checked,
      prices: Object.fromEntries(prices.map(([type, inputEl]) => [type, { amountMinor: Math.round(Number(inputEl.value) * 100), currency: currency.value }])),
    };
    try {
      const { data } = await commands.post('/api/admin/screenings', body);
      problem.replaceChildren(h('p', { class: 'ok', role: 'status' }, 'Screening scheduled. ', h('a', { href: `#/screenings/${data.id}` }, 'See its seat map')));
      announce('Screening scheduled.');
      setTimeout(listFor, 800);
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  });

  const list = h('div');
  async function listFor() {
    const day = start.value.slice(0, 10);
    const page = await queries.get(`/api/screenings?cinemaId=${cinema.value}&date=${day}&sort=startsAt,asc&size=100`);
    list.replaceChildren(h('h2', {}, `Screenings on ${day} at ${cat.cinemas.find((c) => c.id === cinema.value)?.name}`),
      page.items.length ? h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['Time', 'Film', 'Screen', 'Status', 'Sold', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map((s) => h('tr', {},
          h('td', {}, localStart(s.localStart)), h('td', {}, s.filmTitle), h('td', {}, s.screenName),
          h('td', {}, words(s.status)), h('td', {}, `${s.totalSeats - s.freeSeats} of ${s.totalSeats}`),
          h('td', {}, s.status === 'CANCELLED' ? '' : cancelForm(s)))))) : h('p', { class: 'muted' }, 'None.'));
  }
  function cancelForm(s) {
    const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, 'aria-label': `Reason to cancel ${s.filmTitle} at ${s.localStart.slice(11, 16)}`, placeholder: 'Reason' });
    const f = h('form', { class: 'inline' }, reason, h('button', { type: 'submit', class: 'danger' }, 'Cancel screening'));
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!window.confirm(`Cancel ${s.filmTitle} at ${s.localStart.slice(11, 16)}? Every booking on it is refunded in full.`)) return;
      try {
        await commands.post(`/api/admin/screenings/${s.id}/cancel`, { reason: reason.value || null });
        announce('Screening cancelled: holds released and paid bookings refunded.');
        setTimeout(listFor, 800);
      } catch (err) { announce(err.message); }
    });
    return f;
  }
  start.addEventListener('change', listFor);
  show(h('h1', {}, 'Scheduling'), h('div', { class: 'columns' }, formEl, list));
  await listFor();
}
