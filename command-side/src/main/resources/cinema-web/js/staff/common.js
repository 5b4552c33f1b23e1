// What the staff pages share: the catalogue as the public listings show it (screens with their
// layouts included), and instants from a local date and time in a cinema's zone.
import { queries } from '../core/api.js';

export async function catalogue() {
  const [locations, cinemas, films] = await Promise.all([
    queries.get('/api/locations?size=100&sort=name,asc'),
    queries.get('/api/cinemas?size=100&sort=name,asc'),
    queries.get('/api/films?size=100&sort=title'),
  ]);
  return { locations: locations.items, cinemas: cinemas.items, films: films.items, screens: await screensOf(cinemas.items) };
}

// Every active screen of every cinema, with its layout, from the query API's screens listing.
async function screensOf(cinemas) {
  // A cinema retired between the two reads has no listing any more (404): it has no screens to offer.
  const pages = await Promise.all(cinemas.map((c) => queries.get(`/api/cinemas/${encodeURIComponent(c.id)}/screens?size=100&sort=name,asc`)
    .catch((e) => { if (e.status === 404) return { items: [] }; throw e; })));
  return pages.flatMap((page) => page.items).sort((a, b) => a.name.localeCompare(b.name));
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
