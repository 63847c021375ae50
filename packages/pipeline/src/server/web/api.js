// Calls to the vnevents API. When the server needs a token (VNEVENTS_API_TOKEN), the page asks for it once and
// keeps it for the browser session; it is sent as a bearer header, never in a URL.

const TOKEN_KEY = 'vnevents.token';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token must be entered again after a reload
  }
}

function headers() {
  const h = { accept: 'application/json' };
  const tk = token();
  if (tk) h.authorization = `Bearer ${tk}`;
  return h;
}

/** A query string from a plain object, leaving out empty values. */
export function queryString(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET a JSON answer; a non-2xx answer throws ApiError with the server's message. */
export async function getJson(path, params = {}, signal = undefined) {
  const res = await fetch(path + queryString(params), { headers: headers(), signal });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json();
      if (body && typeof body.message === 'string') message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return res.json();
}

/** Downloads an export through fetch (needed when a bearer token must be sent). */
export async function downloadWithToken(url, filename) {
  const res = await fetch(url, { headers: headers() });
  if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText}`);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
