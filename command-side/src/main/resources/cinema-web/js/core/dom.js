// A tiny element builder. Text always goes in as text nodes, never as HTML, so that whatever the
// API answers (review texts are stored as written) cannot become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Which page render is the latest: the router starts a new one on every route. A page's data
// comes over the network, so a page the user has already left can finish after the one they went
// to; its drawing must then be dropped, not laid over the new page.
let generation = 0;

/** The router starts rendering a page; answers the render's generation. */
export function nextRender() {
  return ++generation;
}

/** Whether no later render has started since the one of this generation. */
export function isCurrentRender(mine) {
  return mine === generation;
}

/**
 * A show() for the page being rendered, to be taken at the start of a page's render (before its
 * first await): it draws only while that render is still the latest, and is a no-op afterwards.
 */
export function pageShow() {
  const mine = generation;
  return (...children) => (isCurrentRender(mine) ? show(...children) : null);
}

/** Replaces the content of the page's main region and moves focus there (for screen readers). */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat().filter(Boolean));
  main.focus({ preventScroll: true });
  return main;
}

/** A labelled form field: the label names the input, so every input has an accessible name. */
export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const hintEl = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl);
}

export function select(name, options, selected) {
  return h('select', { name },
    options.map(([value, text]) => h('option', { value, selected: value === selected }, text)));
}

/** A message in the page's live region (announced) and, for errors, next to the form too. */
export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = '';
  // A new text node after a clear, so that the same message is announced again.
  requestAnimationFrame(() => { status.textContent = text; });
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error?.message || String(error));
}
