// The router: hash routes (#/films/…), so that the server serves one page and a reload stays on
// the same view. A page's render may return a function that stops what it started (streams, timers).
// Every route starts a new render generation (core/dom.js): a page left while it was still loading
// draws nothing when its data arrives, and what it started is stopped at once.
import { loadConfig } from './core/api.js';
import { auth } from './core/auth.js';
import { h, show, errorBox, nextRender, isCurrentRender } from './core/dom.js';
import { subscribe } from './core/sse.js';
import { queryApi } from './core/api.js';
import * as login from './customer/login.js';
import * as listings from './customer/listings.js';
import * as film from './customer/film.js';
import * as screening from './customer/screening.js';
import * as bookings from './customer/bookings.js';
import * as payments from './customer/payments.js';
import * as alerts from './customer/alerts.js';
import * as favourites from './customer/favourites.js';
import * as catalogue from './staff/catalogue.js';
import * as schedule from './staff/schedule.js';
import * as processors from './analyst/processors.js';
import * as analytics from './analyst/analytics.js';

const routes = [
  [/^\/?$/, listings.render],
  [/^\/login$/, login.render],
  [/^\/films\/([^/]+)$/, film.render],
  [/^\/screenings\/([^/]+)$/, screening.render],
  [/^\/bookings$/, bookings.render, ['CUSTOMER']],
  [/^\/bookings\/([^/]+)$/, bookings.renderOne, ['CUSTOMER']],
  [/^\/payments$/, payments.render, ['CUSTOMER']],
  [/^\/alerts$/, alerts.render, ['CUSTOMER']],
  [/^\/favourites$/, favourites.render, ['CUSTOMER']],
  [/^\/staff\/catalogue$/, catalogue.render, ['ADMIN']],
  [/^\/staff\/schedule$/, schedule.render, ['ADMIN']],
  [/^\/analyst\/processors$/, processors.render, ['ANALYST', 'ADMIN']],
  [/^\/analyst\/analytics$/, analytics.render, ['ANALYST', 'ADMIN']],
];

let cleanup = null;

async function route() {
  const path = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  // The skip link: the page stays as it is (still loading or not, its streams running).
  if (path === 'main') return;
  const mine = nextRender();
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  for (const [pattern, render, roles] of routes) {
    const match = path.match(pattern);
    if (!match) continue;
    if (roles && !auth.token()) {
      show(h('h1', {}, 'Please log in'),
        h('p', {}, 'This page shows your own data or needs a role. ', h('a', { href: `#/login?next=${encodeURIComponent(path)}` }, 'Log in')));
      return;
    }
    if (roles && !auth.has(...roles)) {
      show(h('h1', {}, 'Not allowed'),
        h('p', { class: 'error', role: 'alert' }, `This page needs the role ${roles.join(' or ')}, which your account does not have.`));
      return;
    }
    let stop = null;
    let failure = null;
    try {
      stop = await render(...match.slice(1));
    } catch (e) {
      failure = e;
    }
    if (!isCurrentRender(mine)) {
      // Another page was routed to meanwhile: it owns the view and the menu.
      if (typeof stop === 'function') stop();
      return;
    }
    cleanup = stop;
    if (failure) show(h('h1', {}, 'Something went wrong'), errorBox(failure));
    markCurrent(path);
    return;
  }
  show(h('h1', {}, 'Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, "See what's on")));
}

function markCurrent(path) {
  document.querySelectorAll('#nav a').forEach((a) => {
    const target = a.getAttribute('href').slice(1);
    if (target === path || (target !== '/' && path.startsWith(target))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

let stopAlerts = null;

function updateHeader() {
  const claims = auth.claims();
  document.querySelectorAll('#nav [data-needs]').forEach((li) => {
    li.hidden = !claims || !auth.has(...li.dataset.needs.split(' '));
  });
  document.getElementById('who').textContent = claims ? claims.email : '';
  document.getElementById('login-link').hidden = !!claims;
  document.getElementById('logout').hidden = !claims;
  // The unread count in the menu, live over the alerts stream (token in a header: see core/sse.js).
  stopAlerts?.();
  stopAlerts = null;
  const badge = document.getElementById('unread');
  badge.hidden = true;
  if (claims) {
    stopAlerts = subscribe(`${queryApi()}/api/me/alerts/stream`, {
      token: auth.token(),
      onEvent: (name, data) => {
        if (name === 'unread-count') {
          badge.hidden = data.unreadCount === 0;
          badge.textContent = data.unreadCount;
          badge.setAttribute('aria-label', `${data.unreadCount} unread`);
        }
        if (name === 'alert') window.dispatchEvent(new CustomEvent('cinema-alert', { detail: data }));
      },
    });
  }
}

async function start() {
  await loadConfig();
  document.getElementById('logout').addEventListener('click', () => {
    auth.logout();
    location.hash = '#/';
  });
  auth.onChange(updateHeader);
  updateHeader();
  window.addEventListener('hashchange', route);
  await route();
}

start();
