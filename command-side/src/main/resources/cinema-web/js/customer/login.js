import { commands } from '../core/api.js';
import { auth } from '../core/auth.js';
import { h, pageShow, field, errorBox, announce } from '../core/dom.js';

export function render() {
  const show = pageShow();
  const next = new URLSearchParams(location.hash.split('?')[1] || '').get('next') || '/';
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const problem = h('div');
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('h2', { id: 'login-title' }, 'Log in'),
    field('E-mail', email),
    field('Password', password),
    problem,
    h('button', { type: 'submit' }, 'Log in'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      const { data } = await commands.post('/api/auth/login', { email: email.value, password: password.value }, { token: null });
      auth.login(data.accessToken);
      announce('Logged in.');
      location.hash = `#${next}`;
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  });

  const rEmail = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const rName = h('input', { type: 'text', name: 'displayName', autocomplete: 'name', required: true, maxlength: 60 });
  const rPassword = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
  const rProblem = h('div');
  const register = h('form', { class: 'card narrow', 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, 'New here? Create an account'),
    field('E-mail', rEmail),
    field('Your name (shown on reviews)', rName),
    field('Password', rPassword, 'At least 10 characters with a letter and a digit.'),
    rProblem,
    h('button', { type: 'submit' }, 'Create account'));
  register.addEventListener('submit', async (e) => {
    e.preventDefault();
    rProblem.replaceChildren();
    try {
      await commands.post('/api/accounts', { email: rEmail.value, password: rPassword.value, displayName: rName.value }, { token: null });
      const { data } = await commands.post('/api/auth/login', { email: rEmail.value, password: rPassword.value }, { token: null });
      auth.login(data.accessToken);
      location.hash = `#${next}`;
    } catch (err) {
      rProblem.replaceChildren(errorBox(err));
    }
  });
  show(h('h1', {}, 'Your account'), h('div', { class: 'columns' }, form, register));
  email.focus();
}
