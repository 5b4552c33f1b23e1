// Staff: the catalogue. Locations, cinemas and films by form; screens with a layout editor, a grid
// where every cell is a seat of a type or a gap (an aisle), by mouse or keyboard. The screens and
// their layouts come from the query API's screens listing, so every screen can be edited again.
import { commands, queries } from '../core/api.js';
import { h, pageShow, field, select, errorBox, announce } from '../core/dom.js';
import { words } from '../core/format.js';
import { catalogue } from './common.js';

const GENRES = ['ACTION', 'ADVENTURE', 'ANIMATION', 'COMEDY', 'CRIME', 'DOCUMENTARY', 'DRAMA', 'FAMILY', 'FANTASY', 'HORROR', 'MUSICAL', 'MYSTERY', 'ROMANCE', 'SCIENCE_FICTION', 'THRILLER', 'WAR'];
const CELL_KINDS = ['STANDARD', 'PREMIUM', 'COUPLE', 'WHEELCHAIR', 'GAP'];
const GLYPH = { STANDARD: 'S', PREMIUM: '★', COUPLE: '♥', WHEELCHAIR: '♿', GAP: '' };

function form(title, fields, onSubmit, submitText) {
  const problem = h('div');
  const f = h('form', { class: 'card', 'aria-label': title }, h('h3', {}, title), fields, problem, h('button', { type: 'submit' }, submitText));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      const message = await onSubmit();
      announce(message);
      problem.replaceChildren(h('p', { class: 'ok' }, message));
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  });
  return f;
}

export async function render() {
  const show = pageShow();
  const cat = await catalogue();
  const input = (attrs) => h('input', { type: 'text', required: true, ...attrs });

  const locName = input({ name: 'name', maxlength: 100 });
  const locations = form('New location', [field('Name', locName)], async () => {
    await commands.post('/api/admin/locations', { name: locName.value });
    return `Location ${locName.value} added.`;
  }, 'Add location');

  const cLoc = select('locationId', cat.locations.map((l) => [l.id, l.name]));
  const cName = input({ name: 'name' });
  const cZone = input({ name: 'timeZone', value: 'Europe/London' });
  const cStreet = input({ name: 'street' });
  const cCity = input({ name: 'city' });
  const cPost = input({ name: 'postalCode' });
  const cCountry = input({ name: 'country', value: 'GB', maxlength: 2 });
  const cinemas = form('New cinema', [field('Location', cLoc), field('Name', cName), field('Time zone', cZone, 'An IANA zone such as Europe/London.'),
    field('Street', cStreet), field('City', cCity), field('Postal code', cPost), field('Country (ISO code)', cCountry)], async () => {
    await commands.post('/api/admin/cinemas', { locationId: cLoc.value, name: cName.value, timeZone: cZone.value,
      address: { street: cStreet.value, city: cCity.value, postalCode: cPost.value, country: cCountry.value } });
    return `Cinema ${cName.value} added.`;
  }, 'Add cinema');

  const fTitle = input({ name: 'title' });
  const fRuntime = h('input', { type: 'number', name: 'runtimeMinutes', min: 1, max: 600, required: true, value: 100 });
  const fRating = select('ageRating', ['G', 'PG', 'PG_13', 'R'].map((r) => [r, r.replace('_', '-')]));
  const fGenres = h('fieldset', {}, h('legend', {}, 'Genres'), GENRES.map((g) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'genre', value: g }), ` ${words(g)}`)));
  const fRelease = h('input', { type: 'date', name: 'releaseDate', required: true, value: new Date().toISOString().slice(0, 10) });
  const fSynopsis = h('textarea', { name: 'synopsis', rows: 2, maxlength: 4000 });
  const films = form('New film', [field('Title', fTitle), field('Runtime (minutes)', fRuntime), field('Age rating', fRating), fGenres, field('Release date', fRelease), field('Synopsis', fSynopsis)], async () => {
    const genres = [...fGenres.querySelectorAll('input:checked')].map((i) => i.value);
    await commands.post('/api/admin/films', { title: fTitle.value, runtimeMinutes: Number(fRuntime.value), ageRating: fRating.value, genres, releaseDate: fRelease.value, synopsis: fSynopsis.value || null });
    return `Film ${fTitle.value} added.`;
  }, 'Add film');

  show(h('h1', {}, 'Catalogue'),
    h('section', { 'aria-labelledby': 'screens-title' }, h('h2', { id: 'screens-title' }, 'Screens and their layouts'), await screenEditor(cat)),
    h('section', { 'aria-labelledby': 'others-title' }, h('h2', { id: 'others-title' }, 'Locations, cinemas and films'),
      h('div', { class: 'columns three' }, locations, cinemas, films)));
}

async function screenEditor(cat) {
  const screenLabel = (s) => `${s.name} (${cat.cinemas.find((c) => c.id === s.cinemaId)?.name || 'cinema'})`;
  const which = select('screen', [['', 'A new screen'], ...cat.screens.map((s) => [s.id, screenLabel(s)])]);
  const layoutNote = h('p', { class: 'muted small', 'aria-live': 'polite' });
  const cinema = select('cinemaId', cat.cinemas.map((c) => [c.id, c.name]));
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 60, value: 'Screen 9' });
  const format = select('format', [['TWO_D', '2D'], ['THREE_D', '3D'], ['IMAX', 'IMAX']]);
  const rowsIn = h('input', { type: 'number', min: 1, max: 26, value: 5, name: 'rows' });
  const colsIn = h('input', { type: 'number', min: 1, max: 40, value: 10, name: 'columns' });
  let grid = blank(5, 10);
  const gridEl = h('div', { class: 'layout-grid', role: 'grid', 'aria-label': 'Layout: each cell is a seat type or an aisle. Arrow keys move, Space changes the cell.' });
  const counts = h('p', { class: 'muted', 'aria-live': 'polite' });

  function blank(rows, cols) {
    return Array.from({ length: rows }, (_, y) => Array.from({ length: cols }, (_, x) => (x === Math.floor(cols / 2) - 1 ? 'GAP' : y === 0 && x === 0 ? 'WHEELCHAIR' : y === rows - 1 ? 'COUPLE' : 'STANDARD')));
  }
  let focus = [0, 0];
  function draw() {
    gridEl.replaceChildren(...grid.map((row, y) => h('div', { role: 'row', class: 'row' },
      h('span', { role: 'rowheader', class: 'rowlabel' }, String.fromCharCode(65 + y)),
      row.map((kind, x) => h('span', { role: 'gridcell' }, h('button', {
        type: 'button', class: `seat ${kind.toLowerCase()} ${kind === 'GAP' ? 'aisle' : ''}`, dataset: { x, y },
        tabindex: focus[0] === x && focus[1] === y ? '0' : '-1',
        'aria-label': `Row ${String.fromCharCode(65 + y)}, position ${x + 1}: ${kind === 'GAP' ? 'aisle' : words(kind) + ' seat'}`,
      }, GLYPH[kind]))))));
    const seats = grid.flat().filter((k) => k !== 'GAP').length;
    counts.textContent = `${seats} seats in ${grid.length} rows.`;
  }
  gridEl.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const x = Number(b.dataset.x); const y = Number(b.dataset.y);
    grid[y][x] = CELL_KINDS[(CELL_KINDS.indexOf(grid[y][x]) + 1) % CELL_KINDS.length];
    focus = [x, y];
    draw();
    gridEl.querySelector(`[data-x="${x}"][data-y="${y}"]`).focus();
  });
  gridEl.addEventListener('keydown', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    let x = Number(b.dataset.x); let y = Number(b.dataset.y);
    const moves = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    if (!moves[e.key]) return;
    e.preventDefault();
    x = Math.max(0, Math.min(grid[0].length - 1, x + moves[e.key][0]));
    y = Math.max(0, Math.min(grid.length - 1, y + moves[e.key][1]));
    focus = [x, y];
    draw();
    gridEl.querySelector(`[data-x="${x}"][data-y="${y}"]`).focus();
  });
  const resize = () => { grid = blank(Number(rowsIn.value), Number(colsIn.value)); focus = [0, 0]; draw(); };
  rowsIn.addEventListener('change', resize);
  colsIn.addEventListener('change', resize);
  which.addEventListener('change', () => {
    const screen = cat.screens.find((s) => s.id === which.value);
    layoutNote.textContent = '';
    if (!screen) { resize(); return; }
    name.value = screen.name;
    cinema.value = screen.cinemaId;
    format.value = screen.format;
    if (!screen.layout) {
      // Folded before the listings kept layouts: an analyst's rebuild of "listings" fills it in.
      layoutNote.textContent = 'This screen\'s layout is not in the listings yet (a rebuild of the listings projection adds it). Saving replaces it with the grid below.';
      return;
    }
    const width = Math.max(...screen.layout.rows.map((r) => r.cells.length));
    grid = screen.layout.rows.map((r) => Array.from({ length: width }, (_, x) => (r.cells[x]?.kind === 'SEAT' ? r.cells[x].type : 'GAP')));
    rowsIn.value = grid.length; colsIn.value = width; focus = [0, 0];
    draw();
  });

  function layout() {
    return { rows: grid.map((row, y) => {
      let n = 0;
      return { label: String.fromCharCode(65 + y), cells: row.map((kind) => (kind === 'GAP' ? { kind: 'GAP' } : { kind: 'SEAT', number: String(++n), type: kind })) };
    }) };
  }
  draw();
  return form('Screen layout', [
    field('Screen', which, 'Pick a screen to change its layout, or design a new one.'),
    field('Cinema', cinema), field('Name', name), field('Format', format),
    h('div', { class: 'inline' }, field('Rows', rowsIn), field('Positions per row', colsIn)),
    h('p', { class: 'muted small' }, 'Click a cell (or press Space) to change it: standard → premium → couple → wheelchair → aisle. Seats are numbered from the left, aisles skipped.'),
    layoutNote, h('div', { class: 'screen', 'aria-hidden': 'true' }, 'Screen'), gridEl, counts,
  ], async () => {
    const saved = { name: name.value, format: format.value, layout: layout() };
    if (which.value) {
      await commands.put(`/api/admin/screens/${which.value}`, saved);
      Object.assign(cat.screens.find((s) => s.id === which.value), saved);
      which.selectedOptions[0].textContent = screenLabel(cat.screens.find((s) => s.id === which.value));
      return `Screen ${name.value} updated (screenings already scheduled keep their layout).`;
    }
    const { data } = await commands.post('/api/admin/screens', { cinemaId: cinema.value, ...saved });
    // Editable again at once; after a reload it comes from the screens listing like the others.
    const screen = { id: data.id, cinemaId: cinema.value, ...saved };
    cat.screens.push(screen);
    which.append(h('option', { value: screen.id }, screenLabel(screen)));
    which.value = screen.id;
    return `Screen ${name.value} added.`;
  }, 'Save screen');
}
