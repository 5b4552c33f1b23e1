import { queries, commands } from '../core/api.js';
import { auth } from '../core/auth.js';
import { h, pageShow, field, errorBox, announce } from '../core/dom.js';
import { localStart, dateTime, words } from '../core/format.js';
import { stars } from './listings.js';

export async function render(filmId) {
  const show = pageShow();
  const [film, reviews, screenings] = await Promise.all([
    queries.get(`/api/films/${encodeURIComponent(filmId)}`),
    queries.get(`/api/films/${encodeURIComponent(filmId)}/reviews?size=20`),
    queries.get(`/api/screenings?filmId=${encodeURIComponent(filmId)}&sort=startsAt,asc&size=30`),
  ]);
  const favourite = auth.token() ? await favouriteToggle('films', film.id, film.title) : null;
  show(
    h('p', {}, h('a', { href: '#/' }, "← What's on")),
    h('h1', {}, film.title),
    h('p', { class: 'muted' }, `${film.runtimeMinutes} min · ${film.ageRating.replace('_', '-')} · ${[...film.genres].map(words).join(', ')} · released ${film.releaseDate}`),
    stars(film.averageRating, film.reviewCount),
    favourite,
    film.synopsis ? h('p', {}, film.synopsis) : null,
    h('section', { 'aria-labelledby': 'times' }, h('h2', { id: 'times' }, 'Screenings'),
      screenings.items.length
        ? h('ul', { class: 'times' }, screenings.items.map((s) => h('li', {},
          s.status === 'ON_SALE'
            ? h('a', { class: 'time', href: `#/screenings/${s.id}` }, h('strong', {}, localStart(s.localStart)), h('span', {}, `${s.cinemaName} · ${s.screenName}`), h('span', { class: 'muted' }, `${s.freeSeats} free`))
            : h('span', { class: 'time off' }, localStart(s.localStart), ' ', words(s.status)))))
        : h('p', { class: 'muted' }, 'No screenings scheduled.')),
    h('section', { 'aria-labelledby': 'reviews' }, h('h2', { id: 'reviews' }, 'Reviews'),
      auth.token() ? reviewForm(film) : h('p', {}, h('a', { href: `#/login?next=/films/${film.id}` }, 'Log in'), ' to review this film.'),
      reviews.items.length
        ? h('ul', { class: 'reviews' }, reviews.items.map((r) => h('li', { class: 'card' },
          h('div', {}, h('span', { class: 'rating', 'aria-label': `${r.rating} out of 5` }, '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating)), ' ', h('strong', {}, r.reviewer), h('span', { class: 'muted' }, ` · ${dateTime(r.writtenAt)}`)),
          r.text ? h('p', {}, r.text) : null)))
        : h('p', { class: 'muted' }, 'No reviews yet.')),
  );
}

export async function favouriteToggle(kind, id, name) {
  const mine = await queries.get('/api/me/favourites');
  let on = mine[kind].some((f) => f.id === id);
  const button = h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(on) });
  const label = () => { button.textContent = on ? '♥ In your favourites' : '♡ Add to favourites'; button.setAttribute('aria-pressed', String(on)); };
  label();
  button.addEventListener('click', async () => {
    try {
      if (on) await commands.del(`/api/me/favourites/${kind}/${encodeURIComponent(id)}`);
      else await commands.put(`/api/me/favourites/${kind}/${encodeURIComponent(id)}`);
      on = !on;
      label();
      announce(on ? `${name} added to your favourites.` : `${name} removed from your favourites.`);
    } catch (e) {
      announce(e.message);
    }
  });
  return button;
}

function reviewForm(film) {
  const rating = h('select', { name: 'rating', required: true },
    [5, 4, 3, 2, 1].map((n) => h('option', { value: n }, `${n} – ${['', 'poor', 'fair', 'good', 'very good', 'excellent'][n]}`)));
  const text = h('textarea', { name: 'text', rows: 3, maxlength: 2000 });
  const problem = h('div');
  const form = h('form', { class: 'card', 'aria-label': 'Your review' },
    field('Your rating', rating), field('What you thought (optional)', text), problem,
    h('button', { type: 'submit' }, 'Publish review'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      await commands.put(`/api/films/${encodeURIComponent(film.id)}/review`, { rating: Number(rating.value), text: text.value || null });
      announce('Thank you: your review is published (it appears in a moment).');
      setTimeout(() => render(film.id), 700);
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  });
  return form;
}
