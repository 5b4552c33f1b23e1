import { queries, commands } from '../core/api.js';
import { h, pageShow, announce } from '../core/dom.js';

const KINDS = [['films', 'Films', '#/films/'], ['cinemas', 'Cinemas', null], ['locations', 'Locations', null]];

export async function render() {
  const show = pageShow();
  const [mine, cinemas, locations] = await Promise.all([
    queries.get('/api/me/favourites'),
    queries.get('/api/cinemas?size=100&sort=name,asc'),
    queries.get('/api/locations?size=100&sort=name,asc'),
  ]);
  const adder = (kind, items) => {
    const sel = h('select', { 'aria-label': `Add a ${kind.slice(0, -1)}` }, items.filter((i) => !mine[kind].some((f) => f.id === i.id)).map((i) => h('option', { value: i.id }, i.name)));
    return h('div', { class: 'inline' }, sel, h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try { await commands.put(`/api/me/favourites/${kind}/${sel.value}`); announce('Added.'); setTimeout(render, 500); } catch (e) { announce(e.message); }
    } }, 'Add'));
  };
  const screenings = await queries.get('/api/screenings?favourites=true&size=10&sort=startsAt,asc');
  show(h('h1', {}, 'Favourites'),
    h('p', { class: 'muted' }, 'Favourite films, cinemas and locations: you get an alert when a favourite film is newly scheduled at a favourite cinema or location. Add films from their pages.'),
    KINDS.map(([kind, title, link]) => h('section', { 'aria-labelledby': `fav-${kind}` },
      h('h2', { id: `fav-${kind}` }, title),
      mine[kind].length ? h('ul', { class: 'chips' }, mine[kind].map((f) => h('li', {},
        link ? h('a', { href: link + f.id }, f.name) : f.name,
        h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${f.name}`, onclick: async () => { await commands.del(`/api/me/favourites/${kind}/${f.id}`); announce(`${f.name} removed.`); setTimeout(render, 500); } }, '✕')))) : h('p', { class: 'muted' }, 'None yet.'),
      kind === 'cinemas' ? adder(kind, cinemas.items) : kind === 'locations' ? adder(kind, locations.items) : null)),
    h('section', { 'aria-labelledby': 'fav-screenings' }, h('h2', { id: 'fav-screenings' }, 'Coming up among your favourites'),
      screenings.items.length ? h('ul', {}, screenings.items.map((s) => h('li', {}, h('a', { href: `#/screenings/${s.id}` }, `${s.filmTitle} – ${s.cinemaName}, ${s.localStart.replace('T', ' ')}`)))) : h('p', { class: 'muted' }, 'Nothing yet.')));
}
