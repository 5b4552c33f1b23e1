// The bearer token lives in sessionStorage: it survives a reload and moving between pages of this
// tab, and goes when the tab is closed; it is never in a cookie (so no CSRF), and the API needs it
// as a header anyway. Scripts of this origin can read it, which is why the pages allow only their
// own scripts (Content-Security-Policy script-src 'self') and never insert API text as HTML.
const KEY = 'cinema.token';
const listeners = new Set();

function decode(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return null;
  }
}

export const auth = {
  token() {
    const token = sessionStorage.getItem(KEY);
    if (!token) return null;
    const claims = decode(token);
    if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return token;
  },
  claims() {
    const token = this.token();
    return token ? decode(token) : null;
  },
  roles() {
    return this.claims()?.roles || [];
  },
  has(...roles) {
    const mine = this.roles();
    return roles.some((r) => mine.includes(r));
  },
  login(token) {
    sessionStorage.setItem(KEY, token);
    listeners.forEach((l) => l());
  },
  logout() {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  onChange(listener) {
    listeners.add(listener);
  },
};
