// Money is integer minor units with a currency; times are instants shown in the cinema's zone.
const moneyFormats = new Map();

export function money(m) {
  if (!m) return '–';
  let f = moneyFormats.get(m.currency);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { style: 'currency', currency: m.currency });
    moneyFormats.set(m.currency, f);
  }
  const digits = f.resolvedOptions().maximumFractionDigits;
  return f.format(m.amountMinor / 10 ** digits);
}

export function dateTime(instant, timeZone) {
  if (!instant) return '–';
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
    timeZone: timeZone || undefined,
  }).format(new Date(instant));
}

export function time(instant, timeZone) {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(instant));
}

/** The localStart the API gives ("2026-12-02T13:00") as people read it. */
export function localStart(text) {
  if (!text) return '–';
  const [date, clock] = text.split('T');
  const d = new Date(`${date}T00:00:00Z`);
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
  return `${day}, ${clock.slice(0, 5)}`;
}

/** Today and the next days as ISO dates (the API's day is the cinema's local day). */
export function days(count, timeZone) {
  const out = [];
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const label = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.now() + i * 86400000);
    out.push({ iso: f.format(d), label: i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : label.format(d) });
  }
  return out;
}

export function words(enumValue) {
  return String(enumValue || '').toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
