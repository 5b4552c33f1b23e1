// Analysts: every processor of both apps with its lag, and the projections with a rebuild button,
// a live progress bar and the switch (and switch back).
import { commands, queries } from '../core/api.js';
import { h, pageShow, errorBox, announce } from '../core/dom.js';
import { dateTime, words } from '../core/format.js';

export async function render() {
  const show = pageShow();
  const [queryProcessors, commandProcessors, projections] = await Promise.all([
    queries.get('/api/ops/processors'), commands.get('/api/ops/processors'), queries.get('/api/ops/projections'),
  ]);
  const polls = [];
  const table = (title, rows) => h('section', {}, h('h2', {}, title), h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['Processor', 'Mode', 'Running', 'Position / head', 'Lag (events)', 'Caught up', 'Dead letters', 'Last error'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((p) => h('tr', {},
      h('td', {}, p.name), h('td', {}, p.mode), h('td', {}, p.running ? 'yes' : 'no'),
      h('td', { class: 'num' }, `${p.segments?.[0]?.position ?? '–'} / ${p.headPosition ?? '–'}`),
      h('td', { class: 'num' }, p.lag ?? '–'), h('td', {}, p.caughtUp ? 'yes' : 'no'),
      h('td', { class: 'num' }, p.deadLetters), h('td', {}, p.lastError || '–'))))));

  const projectionRows = projections.map((p) => {
    const progress = h('progress', { max: 100, value: 0, 'aria-label': `Rebuild of ${p.name}` });
    const status = h('span', { 'aria-live': 'polite' }, p.rebuild ? words(p.rebuild.phase) : '');
    const auto = h('input', { type: 'checkbox', checked: true, 'aria-label': `Switch ${p.name} by itself once verified` });
    const switchBtn = h('button', { type: 'button', class: 'secondary', hidden: p.rebuild?.phase !== 'READY' }, 'Switch');
    const back = h('button', { type: 'button', class: 'secondary' }, 'Switch back');
    const rebuild = h('button', { type: 'button' }, 'Rebuild');
    const follow = (id) => {
      const poll = setInterval(async () => {
        try {
          const r = await queries.get(`/api/ops/projections/${p.name}/rebuilds/${id}`);
          progress.value = r.percent;
          status.textContent = `${words(r.phase)} · ${r.percent.toFixed(1)} % (approximate) · ${Math.round(r.eventsPerSecond)} events/s${r.secondsLeft != null ? ` · ${r.secondsLeft} s left` : ''}`;
          if (['SWITCHED', 'READY', 'FAILED'].includes(r.phase)) {
            clearInterval(poll);
            rebuild.disabled = false;
            switchBtn.hidden = r.phase !== 'READY';
            announce(`Rebuild of ${p.name}: ${words(r.phase)}${r.error ? ` – ${r.error}` : ''}.`);
          }
        } catch (e) { clearInterval(poll); status.textContent = e.message; }
      }, 400);
      polls.push(poll);
    };
    rebuild.addEventListener('click', async () => {
      try {
        rebuild.disabled = true;
        const { data } = await queries.post(`/api/ops/projections/${p.name}/rebuilds`, { autoSwitch: auto.checked });
        status.textContent = 'Started';
        follow(data.id);
      } catch (e) { rebuild.disabled = false; status.textContent = e.message; }
    });
    switchBtn.addEventListener('click', async () => {
      try { await queries.post(`/api/ops/projections/${p.name}/switch`); announce(`${p.name} switched.`); setTimeout(render, 300); } catch (e) { status.textContent = e.message; }
    });
    back.addEventListener('click', async () => {
      try { await queries.post(`/api/ops/projections/${p.name}/switch-back`); announce(`${p.name} switched back.`); setTimeout(render, 300); } catch (e) { status.textContent = e.message; }
    });
    return h('tr', {},
      h('th', { scope: 'row' }, p.name), h('td', {}, `slot ${p.activeSlot}`), h('td', { class: 'num' }, p.position ?? '–'),
      h('td', {}, p.lastVerifiedAt ? dateTime(p.lastVerifiedAt) : '–'),
      h('td', {}, h('div', { class: 'inline' }, rebuild, h('label', { class: 'check small' }, auto, ' auto-switch'), switchBtn, back), progress, ' ', status));
  });

  show(h('h1', {}, 'Processors and projections'),
    table('Query side', queryProcessors), table('Command side', commandProcessors),
    h('section', {}, h('h2', {}, 'Projections'), h('p', { class: 'muted' }, 'A rebuild replays every event into the other slot, compares checksums and switches; queries keep answering from the active slot meanwhile.'),
      h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['Projection', 'Active', 'Position', 'Last verified', 'Rebuild'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, projectionRows))));
  return () => polls.forEach(clearInterval);
}
