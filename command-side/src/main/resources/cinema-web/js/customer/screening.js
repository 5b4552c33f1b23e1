// A screening's seat map, live: drawn from the map's rows (aisles are gaps), every seat a button
// (mouse, or the arrow keys and Space), updated from the seat-map stream while others book. Then
// hold, a countdown, payment with the simulated provider's test tokens, and the confirmation.
import { queries, commands, queryApi } from '../core/api.js';
import { auth } from '../core/auth.js';
import { h, pageShow, field, errorBox, announce } from '../core/dom.js';
import { money, localStart, time, words } from '../core/format.js';
import { subscribe } from '../core/sse.js';

const TYPE_GLYPH = { WHEELCHAIR: '♿', COUPLE: '♥', PREMIUM: '★', STANDARD: '' };
const TYPE_WORDS = { WHEELCHAIR: 'wheelchair space', COUPLE: 'couple seat', PREMIUM: 'premium seat', STANDARD: 'standard seat' };
const TEST_TOKENS = [
  ['tok_success', 'Test card – approved'],
  ['tok_decline', 'Test card – declined by the bank'],
  ['tok_timeout', 'Test card – the provider does not answer'],
];

export async function render(screeningId) {
  const show = pageShow();
  const screening = await queries.get(`/api/screenings/${encodeURIComponent(screeningId)}`);
  const s = {
    map: null,
    selected: new Set(), // seats picked, not yet held
    taken: new Set(), // seats someone else took from under the customer: highlighted
    hold: null, // the customer's hold: {bookingId, seats, total, expiresAt}
    focus: null, // the seat label holding the roving tab stop
    attempt: 0,
  };

  const mapEl = h('div', { class: 'seatmap', role: 'grid', 'aria-label': 'Seat map. Use the arrow keys to move between seats and Space to pick one.' });
  const summary = h('div', { class: 'summary card', 'aria-live': 'polite' });
  const liveState = h('span', { class: 'muted' }, 'Connecting…');
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' });

  show(
    h('p', {}, h('a', { href: `#/films/${screening.filmId}` }, `← ${screening.filmTitle}`)),
    h('h1', {}, screening.filmTitle),
    h('p', {}, `${screening.cinemaName} · ${screening.screenName} · ${localStart(screening.localStart)} (${screening.timeZone})`),
    screening.status !== 'ON_SALE' ? h('p', { class: 'error', role: 'alert' }, `This screening is ${words(screening.status).toLowerCase()}: it cannot be booked.`) : null,
    h('div', { class: 'booking' },
      h('section', { 'aria-labelledby': 'seats-title', class: 'map-area' },
        h('h2', { id: 'seats-title' }, 'Choose your seats ', liveState),
        legend,
        h('div', { class: 'screen', 'aria-hidden': 'true' }, 'Screen'),
        mapEl),
      summary),
  );

  function seatLabel(cell) {
    return `${cell.label}, ${TYPE_WORDS[cell.type]}, ${money(cell.price)}`;
  }

  function stateOf(cell) {
    if (s.hold?.seats.some((x) => x.seat === cell.label)) return 'mine';
    if (s.selected.has(cell.label)) return 'selected';
    if (cell.state !== 'FREE') return s.taken.has(cell.label) ? 'just-taken' : 'taken';
    return 'free';
  }

  function drawLegend() {
    const prices = s.map.prices || {};
    legend.replaceChildren(
      ...Object.entries(prices).map(([type, price]) => h('li', {},
        h('span', { class: `seat sample ${type.toLowerCase()}`, 'aria-hidden': 'true' }, TYPE_GLYPH[type]), ` ${words(type)} ${money(price)}`)),
      h('li', {}, h('span', { class: 'seat sample selected', 'aria-hidden': 'true' }, '✓'), ' Your pick'),
      h('li', {}, h('span', { class: 'seat sample taken', 'aria-hidden': 'true' }, '✕'), ' Taken'),
      h('li', {}, h('span', { class: 'seat sample just-taken', 'aria-hidden': 'true' }, '!'), ' Just taken by someone else'));
  }

  function drawMap() {
    const active = document.activeElement?.dataset?.seat;
    const seats = s.map.rows.flatMap((r) => r.cells.filter((c) => c.label));
    if (!s.focus || !seats.some((c) => c.label === s.focus)) s.focus = seats.find((c) => c.state === 'FREE')?.label || seats[0]?.label;
    mapEl.replaceChildren(...s.map.rows.map((row, y) => h('div', { role: 'row', class: 'row' },
      h('span', { role: 'rowheader', class: 'rowlabel' }, row.label),
      row.cells.map((cell, x) => {
        if (!cell.label) return h('span', { role: 'gridcell', class: 'gap', 'aria-hidden': 'true' });
        const st = stateOf(cell);
        const free = st === 'free' || st === 'selected';
        const glyph = st === 'selected' || st === 'mine' ? '✓' : st === 'taken' ? '✕' : st === 'just-taken' ? '!' : TYPE_GLYPH[cell.type];
        return h('span', { role: 'gridcell' }, h('button', {
          type: 'button',
          class: `seat ${cell.type.toLowerCase()} ${st}`,
          dataset: { seat: cell.label, x, y },
          tabindex: cell.label === s.focus ? '0' : '-1',
          'aria-pressed': String(st === 'selected' || st === 'mine'),
          'aria-disabled': String(!free || !!s.hold),
          'aria-label': `${seatLabel(cell)}, ${{ free: 'free', selected: 'picked', mine: 'held for you', taken: 'taken', 'just-taken': 'just taken by someone else' }[st]}`,
          title: `${cell.label} · ${words(cell.type)} · ${money(cell.price)}`,
        }, h('span', { 'aria-hidden': 'true' }, glyph || cell.number)));
      }),
      h('span', { class: 'rowlabel', 'aria-hidden': 'true' }, row.label))));
    if (active) mapEl.querySelector(`[data-seat="${active}"]`)?.focus();
  }

  function toggle(label) {
    const cell = findCell(label);
    if (!cell || s.hold) return;
    if (cell.state !== 'FREE') {
      announce(`${label} is taken.`);
      return;
    }
    if (s.selected.has(label)) s.selected.delete(label);
    else if (s.selected.size >= 10) { announce('At most 10 seats in one booking.'); return; }
    else s.selected.add(label);
    s.taken.clear();
    s.focus = label;
    drawMap();
    drawSummary();
  }

  function findCell(label) {
    for (const row of s.map.rows) for (const c of row.cells) if (c.label === label) return c;
    return null;
  }

  // Keyboard: arrows move the focus between seats (skipping aisles), Home/End to a row's ends.
  mapEl.addEventListener('keydown', (e) => {
    const btn = e.target.closest('button.seat');
    if (!btn) return;
    const x = Number(btn.dataset.x);
    const y = Number(btn.dataset.y);
    const rows = s.map.rows;
    let target = null;
    const seatAt = (yy, xx) => rows[yy]?.cells[xx]?.label ? rows[yy].cells[xx].label : null;
    const scan = (yy, from, step) => { for (let xx = from; xx >= 0 && xx < rows[yy].cells.length; xx += step) { const l = seatAt(yy, xx); if (l) return l; } return null; };
    const nearest = (yy) => { if (!rows[yy]) return null; for (let d = 0; d < rows[yy].cells.length; d++) { const l = seatAt(yy, x - d) || seatAt(yy, x + d); if (l) return l; } return null; };
    switch (e.key) {
      case 'ArrowRight': target = scan(y, x + 1, 1); break;
      case 'ArrowLeft': target = scan(y, x - 1, -1); break;
      case 'ArrowDown': for (let yy = y + 1; yy < rows.length && !target; yy++) target = nearest(yy); break;
      case 'ArrowUp': for (let yy = y - 1; yy >= 0 && !target; yy--) target = nearest(yy); break;
      case 'Home': target = scan(y, 0, 1); break;
      case 'End': target = scan(y, rows[y].cells.length - 1, -1); break;
      case ' ': case 'Enter': e.preventDefault(); toggle(btn.dataset.seat); return;
      default: return;
    }
    e.preventDefault();
    if (target) {
      s.focus = target;
      mapEl.querySelectorAll('button.seat').forEach((b) => { b.tabIndex = b.dataset.seat === target ? 0 : -1; });
      mapEl.querySelector(`[data-seat="${target}"]`).focus();
    }
  });
  mapEl.addEventListener('click', (e) => {
    const btn = e.target.closest('button.seat');
    if (btn) toggle(btn.dataset.seat);
  });

  let timer = null;
  function drawSummary(problem) {
    clearInterval(timer);
    if (s.hold) return drawHold(problem);
    const picked = [...s.selected].map(findCell).filter(Boolean);
    const currency = picked[0]?.price.currency;
    const total = picked.length ? { amountMinor: picked.reduce((n, c) => n + c.price.amountMinor, 0), currency } : null;
    const holdButton = h('button', { type: 'button', id: 'hold', disabled: !picked.length }, picked.length ? `Hold ${picked.length} seat${picked.length > 1 ? 's' : ''} – ${money(total)}` : 'Hold seats');
    holdButton.addEventListener('click', holdSeats);
    summary.replaceChildren(
      h('h2', {}, 'Your seats'),
      picked.length ? h('ul', { class: 'picked' }, picked.map((c) => h('li', {}, `${c.label} · ${words(c.type)} · ${money(c.price)}`))) : h('p', { class: 'muted' }, 'Pick seats on the map.'),
      problem ? errorBox(problem) : '', // not null: replaceChildren would print it
      auth.token() ? holdButton : h('p', {}, h('a', { href: `#/login?next=/screenings/${screeningId}` }, 'Log in'), ' to hold seats.'),
      h('p', { class: 'muted small' }, 'Seats are held for you for 10 minutes while you pay.'));
  }

  async function holdSeats() {
    const seats = [...s.selected];
    try {
      const { data } = await commands.post('/api/bookings', { screeningId, seats });
      s.hold = data;
      s.selected.clear();
      s.attempt = 0;
      announce(`Held ${seats.join(', ')} until ${time(data.expiresAt, screening.timeZone)}.`);
      drawMap();
      drawSummary();
    } catch (e) {
      const gone = [...(e.problem.unavailableSeats || []), ...(e.problem.strandedSeats || [])];
      (e.problem.unavailableSeats || []).forEach((l) => { s.selected.delete(l); s.taken.add(l); });
      (e.problem.strandedSeats || []).forEach((l) => s.taken.add(l));
      const detail = gone.length ? `${e.message} (${gone.join(', ')})` : e.message;
      drawMap();
      drawSummary(new Error(detail));
    }
  }

  function drawHold(problem) {
    const hold = s.hold;
    const countdown = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off' });
    const tick = () => {
      const left = Math.max(0, Math.round((new Date(hold.expiresAt) - Date.now()) / 1000));
      countdown.textContent = `Held for you: ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
      countdown.classList.toggle('urgent', left <= 120);
      if (left === 120) announce('Two minutes left to pay for your seats.');
      if (left === 0) {
        clearInterval(timer);
        s.hold = null;
        announce('Your hold ran out and the seats were released.');
        drawMap();
        drawSummary(new Error('Your hold ran out and the seats were released. Pick them again if they are still free.'));
      }
    };
    tick();
    timer = setInterval(tick, 1000);
    const method = h('select', { name: 'paymentMethod' }, TEST_TOKENS.map(([v, t]) => h('option', { value: v }, t)));
    const pay = h('button', { type: 'submit', id: 'pay' }, `Pay ${money(hold.total)}`);
    const form = h('form', { 'aria-label': 'Payment' },
      field('Payment method (simulated provider)', method, 'Card numbers are never sent: the provider gives a token.'),
      problem ? errorBox(problem) : null,
      pay);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      pay.disabled = true;
      try {
        const key = `pay-${hold.bookingId}-${method.value}-${s.attempt}`;
        const { data } = await commands.post(`/api/bookings/${hold.bookingId}/payments`, { paymentMethod: method.value }, { headers: { 'Idempotency-Key': key } });
        clearInterval(timer);
        s.hold = null;
        drawMap();
        confirmed(data, hold);
      } catch (err) {
        if (err.status !== 503) s.attempt += 1; // a timeout is retried with the same key, never charged twice
        if (err.code === 'hold-expired-refunded') s.hold = null;
        drawSummary(err);
      }
    });
    const release = h('button', { type: 'button', class: 'secondary' }, 'Release these seats');
    release.addEventListener('click', async () => {
      try {
        await commands.del(`/api/bookings/${hold.bookingId}`);
        s.hold = null;
        announce('Seats released.');
        drawMap();
        drawSummary();
      } catch (err) { drawSummary(err); }
    });
    summary.replaceChildren(h('h2', {}, 'Your hold'), countdown,
      h('ul', { class: 'picked' }, hold.seats.map((x) => h('li', {}, `${x.seat} · ${words(x.type)} · ${money(x.price)}`))),
      h('p', {}, h('strong', {}, `Total ${money(hold.total)}`)), form, release);
  }

  function confirmed(payment, hold) {
    summary.replaceChildren(
      h('h2', { id: 'confirmed', tabindex: '-1' }, 'Booking confirmed'),
      h('p', { class: 'ok' }, `Paid ${money(payment.amount)} for ${hold.seats.map((x) => x.seat).join(', ')}. Enjoy the film!`),
      h('p', {}, h('a', { href: `#/bookings/${hold.bookingId}` }, 'See your booking')));
    summary.querySelector('#confirmed').focus();
    announce('Booking confirmed.');
  }

  function onMap(map) {
    const before = s.map;
    s.map = map;
    if (before) {
      // Seats picked here that someone else has just taken: unpicked and highlighted, and said.
      const lost = [...s.selected].filter((l) => findCell(l)?.state !== 'FREE');
      lost.forEach((l) => { s.selected.delete(l); s.taken.add(l); });
      if (lost.length) {
        announce(`Sorry: ${lost.join(', ')} ${lost.length > 1 ? 'were' : 'was'} just taken by someone else.`);
        drawSummary(new Error(`${lost.join(', ')} ${lost.length > 1 ? 'were' : 'was'} just taken by someone else.`));
      }
    }
    drawLegend();
    drawMap();
    if (!before) drawSummary();
  }

  onMap(await queries.get(`/api/screenings/${encodeURIComponent(screeningId)}/seat-map`));
  const stop = subscribe(`${queryApi()}/api/screenings/${encodeURIComponent(screeningId)}/seat-map/stream`, {
    onEvent: (name, data) => { if (name === 'seat-map') onMap(data); },
    onState: (st) => {
      liveState.textContent = st === 'live' ? '· live' : '· reconnecting…';
      mapEl.dataset.live = st;
    },
  });
  return () => { stop(); clearInterval(timer); };
}
