// What the staff pages share: the catalogue as the public listings show it, and instants from a
// local date and time in a cinema's zone.
import { queries } from '../core/api.js';

export async function catalogue() {
  const [locations, cinemas, films, screenings] = await Promise.all([
    queries.get('/api/locations?size=100&sort=name,asc'),
    queries.get('/api/cinemas?size=100&sort=name,asc'),
    queries.get('/api/films?size=100&sort=title'),
    queries.get('/api/screenings?size=100&sort=startsAt,asc'),
  ]);
  return { locations: locations.items, cinemas: cinemas.items, films: films.items, screens: screensOf(screenings.items) };
}

// The query API lists no screens of their own: they are known from their screenings, and from the
// screens created in this tab (remembered in sessionStorage).
function screensOf(screenings) {
  const screens = new Map(JSON.parse(sessionStorage.getItem('cinema.screens') || '[]').map((s) => [s.id, s]));
  screenings.forEach((s) => {
    if (!screens.has(s.screenId)) screens.set(s.screenId, { id: s.screenId, name: s.screenName, cinemaId: s.cinemaId, format: s.format, screeningId: s.id });
    else if (!screens.get(s.screenId).screeningId) screens.get(s.screenId).screeningId = s.id;
  });
  return [...screens.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function rememberScreen(screen) {
  const known = JSON.parse(sessionStorage.getItem('cinema.screens') || '[]').filter((s) => s.id !== screen.id);
  known.push(screen);
  sessionStorage.setItem('cinema.screens', JSON.stringify(known));
}

function offsetMinutes(zone, utcMillis) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMillis)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return (asUtc - utcMillis) / 60000;
}

/** "2026-12-02T19:30" in zone "Europe/London" → the instant, ISO. */
export function instantOf(local, zone) {
  const [date, clock] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let instant = guess - offsetMinutes(zone, guess) * 60000;
  instant = guess - offsetMinutes(zone, instant) * 60000;
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}
