// Calls to both APIs. The command API is this page's own origin; the query API's address comes
// from /app/config.json (the standalone run fills it in). Every failure becomes an ApiError whose
// message is a sentence for people, never a raw status or JSON.
import { auth } from './auth.js';

let config = null;

export async function loadConfig() {
  const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
  config = await response.json();
  return config;
}

export function queryApi() {
  return config.queryApi;
}

/** Words for the refusals people meet; anything else falls back to the problem's own detail. */
const WORDS = {
  'seats-unavailable': 'Someone else has just taken some of those seats.',
  'stranded-seat': 'That choice would leave a single seat on its own between taken seats. Pick seats next to each other, or include it.',
  'screening-cancelled': 'This screening has been cancelled.',
  'screening-started': 'This screening has already started.',
  'screening-not-on-sale': 'This screening is not on sale yet.',
  'payment-declined': 'Your payment was declined. Your seats are still held: try another payment method.',
  'provider-unavailable': 'The payment provider did not answer. Try again: you will not be charged twice.',
  'hold-expired-refunded': 'Your hold ran out before the payment arrived, so the payment has been refunded.',
  'booking-not-held': 'This booking is no longer held (it ran out or was paid).',
  'refund-not-allowed': 'It is too close to the screening for a refund.',
  'bad-credentials': 'The e-mail or the password is wrong.',
  'login-throttled': 'Too many attempts. Wait a moment before trying again.',
  'token-required': 'Please log in first.',
  'token-revoked': 'Your session has ended (your roles or password changed). Please log in again.',
  'role-required': 'You are not allowed to do this: your account lacks the role this page needs.',
  'no-confirmed-booking': 'Only people who booked and saw this film can review it.',
  'screening-not-started': 'You can review the film once your screening has started.',
  'screening-overlap': 'That time overlaps another screening on this screen (its runtime plus 20 minutes of cleaning).',
  'start-in-past': 'The start time is in the past.',
  'email-taken': 'An account with this e-mail exists already.',
  'weak-password': 'The password needs at least 10 characters with a letter and a digit.',
  'hold-queue-full': 'Very busy right now: nothing was held. Try again in a moment.',
  'projection-catching-up': 'This report is still being built from the events. Try again shortly.',
  'rebuild-in-progress': 'A rebuild of this projection is already under way.',
  'nothing-to-switch': 'There is no verified rebuild to switch to.',
  'favourites-full': 'You have reached the limit of 100 favourites of this kind.',
};

export class ApiError extends Error {
  constructor(status, problem) {
    const code = problem?.code;
    let message = WORDS[code] || problem?.detail || problem?.title || `The request failed (${status}).`;
    if (status === 403 && !WORDS[code]) message = WORDS['role-required'];
    if (status === 401 && !WORDS[code]) message = WORDS['token-required'];
    if (problem?.errors?.length) {
      message += ' ' + problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ') + '.';
    }
    super(message);
    this.status = status;
    this.code = code;
    this.problem = problem || {};
  }
}

async function call(base, path, { method = 'GET', body, headers = {}, token = auth.token() } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (token) h.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { detail: 'The cinema system cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    if (response.status === 401 && token && data?.code === 'token-revoked') auth.logout();
    throw new ApiError(response.status, typeof data === 'object' ? data : null);
  }
  return { status: response.status, data, headers: response.headers };
}

/** The command API (same origin). */
export const commands = {
  get: (path, opts) => call('', path, opts).then((r) => r.data),
  post: (path, body, opts = {}) => call('', path, { ...opts, method: 'POST', body }),
  put: (path, body, opts = {}) => call('', path, { ...opts, method: 'PUT', body }),
  del: (path, opts = {}) => call('', path, { ...opts, method: 'DELETE' }),
};

/** The query API (the other origin; CORS). */
export const queries = {
  get: (path, opts) => call(config.queryApi, path, opts).then((r) => r.data),
  post: (path, body, opts = {}) => call(config.queryApi, path, { ...opts, method: 'POST', body }),
};
