// Calls to the designer API: same-origin credentials, the anti-forgery token on every write.

export class ApiError extends Error {
  constructor(status, body) {
    const detail = body && typeof body === 'object' ? body.detail || body.title : body;
    super(detail || `Lỗi máy chủ (${status}).`);
    this.status = status;
    this.body = body;
    this.problems = (body && Array.isArray(body.problems)) ? body.problems : [];
  }
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') || '' : '';
}

export function createApi(base) {
  const root = (base || '/api').replace(/\/$/, '');
  async function request(method, path, body, options = {}) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-TOKEN'] = csrfToken();
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(root + path, { method, headers, body: payload, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(0, 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
    }
    const text = await response.text();
    let data = text;
    try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    if (!response.ok) throw new ApiError(response.status, data);
    return options.text ? text : data;
  }
  return {
    get: (p, o) => request('GET', p, undefined, o),
    post: (p, b) => request('POST', p, b === undefined ? '' : b),
    put: (p, b) => request('PUT', p, b),
    del: (p) => request('DELETE', p),
  };
}
