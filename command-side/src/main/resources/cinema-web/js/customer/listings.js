import { queries } from '../core/api.js';
import { h, pageShow, field, select, errorBox } from '../core/dom.js';
import { days, localStart, words } from '../core/format.js';

const state = { locationId: '', cinemaId: '', day: '' };

export function stars(average, count) {
  if (average === null || average === undefined) return h('span', { class: 'rating muted' }, 'No reviews yet');
  return h('span', { class: 'rating', title: `${average} out of 5 from ${count} reviews` },
    h('span', { 'aria-hidden': 'true' }, '★'.repeat(Math.round(average)) + '☆'.repeat(5 - Math.round(average))),
    ` ${average.toFixed(1)} (${count})`);
}

export async function render() {
  const show = pageShow();
  const [locations, nowShowing, comingSoon] = await Promise.all([
    queries.get('/api/locations?size=100&sort=name,asc'),
    queries.get('/api/films?availability=NOW_SHOWING&sort=title&size=100'),
    queries.get('/api/films?availability=COMING_SOON&sort=releaseDate,asc&size=100'),
  ]);
  const cinemas = await queries.get(`/api/cinemas?size=100&sort=name,asc${state.locationId ? `&locationId=${state.locationId}` : ''}`);
  const zone = cinemas.items.find((c) => c.id === state.cinemaId)?.timeZone || cinemas.items[0]?.timeZone || 'Europe/London';
  const dayList = days(7, zone);
  if (!dayList.some((d) => d.iso === state.day)) state.day = dayList[0].iso;

  const locationSelect = select('location', [['', 'All locations'], ...locations.items.map((l) => [l.id, l.name])], state.locationId);
  const cinemaSelect = select('cinema', [['', 'All cinemas'], ...cinemas.items.map((c) => [c.id, `${c.name} (${c.locationName})`])], state.cinemaId);
  locationSelect.addEventListener('change', () => { state.locationId = locationSelect.value; state.cinemaId = ''; render(); });
  cinemaSelect.addEventListener('change', () => { state.cinemaId = cinemaSelect.value; render(); });
  const dayTabs = h('div', { class: 'days', role: 'group', 'aria-label': 'Day' },
    dayList.map((d) => h('button', {
      type: 'button', class: 'day', 'aria-pressed': String(d.iso === state.day),
      onclick: () => { state.day = d.iso; render(); },
    }, d.label)));

  const list = h('div', { id: 'screenings' }, h('p', {}, 'Loading screenings…'));
  show(
    h('h1', {}, "What's on"),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Find screenings', onsubmit: (e) => e.preventDefault() },
      field('Location', locationSelect), field('Cinema', cinemaSelect)),
    dayTabs,
    h('section', { 'aria-labelledby': 'by-day' }, h('h2', { id: 'by-day' }, 'Screenings'), list),
    h('section', { 'aria-labelledby': 'now' }, h('h2', { id: 'now' }, 'Now showing'), filmList(nowShowing.items)),
    h('section', { 'aria-labelledby': 'soon' }, h('h2', { id: 'soon' }, 'Coming soon'), filmList(comingSoon.items)),
  );

  const params = new URLSearchParams({ date: state.day, sort: 'startsAt,asc', size: '100' });
  if (state.cinemaId) params.set('cinemaId', state.cinemaId);
  else if (state.locationId) params.set('locationId', state.locationId);
  try {
    const screenings = await queries.get(`/api/screenings?${params}`);
    list.replaceChildren(screeningsByFilm(screenings.items, nowShowing.items));
  } catch (e) {
    list.replaceChildren(errorBox(e));
  }
}

function filmList(films) {
  if (!films.length) return h('p', { class: 'muted' }, 'None at the moment.');
  return h('ul', { class: 'films' }, films.map((f) => h('li', { class: 'card film' },
    h('a', { href: `#/films/${f.id}` }, h('strong', {}, f.title)),
    h('div', { class: 'muted' }, `${f.runtimeMinutes} min · ${f.ageRating.replace('_', '-')} · ${[...f.genres].map(words).join(', ')}`),
    stars(f.averageRating, f.reviewCount))));
}

function screeningsByFilm(items, films) {
  if (!items.length) return h('p', { class: 'muted' }, 'No screenings on this day here.');
  const byFilm = new Map();
  items.forEach((s) => {
    if (!byFilm.has(s.filmId)) byFilm.set(s.filmId, []);
    byFilm.get(s.filmId).push(s);
  });
  return h('ul', { class: 'showings' }, [...byFilm.entries()].map(([filmId, list]) => {
    const film = films.find((f) => f.id === filmId);
    return h('li', { class: 'card' },
      h('h3', {}, h('a', { href: `#/films/${filmId}` }, list[0].filmTitle)),
      film ? stars(film.averageRating, film.reviewCount) : null,
      h('ul', { class: 'times' }, list.map((s) => h('li', {},
        s.status === 'ON_SALE'
          ? h('a', { class: 'time', href: `#/screenings/${s.id}`, 'aria-label': `${list[0].filmTitle}, ${localStart(s.localStart)} at ${s.cinemaName}, ${s.screenName}, ${s.freeSeats} seats free` },
            h('strong', {}, s.localStart.slice(11, 16)), h('span', {}, `${s.cinemaName} · ${s.screenName} · ${words(s.format).replace('Two d', '2D').replace('Three d', '3D')}`), h('span', { class: 'muted' }, `${s.freeSeats} of ${s.totalSeats} free`))
          : h('span', { class: 'time off' }, h('strong', {}, s.localStart.slice(11, 16)), h('span', {}, words(s.status)))))));
  }));
}
