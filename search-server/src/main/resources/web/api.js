// Calls to the newsarchive HTTP API. Every failure becomes an ApiError with a readable
// title and a hint of what to do, whatever went wrong.

/** A failed API call, in the shape of the API's own error body. */
export class ApiError extends Error {
  constructor(status, title, detail, param) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title ? title.charAt(0).toUpperCase() + title.slice(1) : 'Error';
    this.detail = detail ?? '';
    this.param = param ?? null;
  }
}

/** GETs a JSON document; rejects with ApiError, or with an AbortError when aborted. */
export async function getJson(path, params, signal) {
  const query = params ? `?${params}` : '';
  let response;
  try {
    response = await fetch(`${path}${query}`, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Cannot reach the server', 'Check that newsarchive is running, then try again.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    body = null;
  }
  if (!response.ok) {
    const title = body && typeof body.error === 'string' ? body.error : `The server answered ${response.status}`;
    const detail = body && typeof body.detail === 'string' ? body.detail : response.statusText;
    throw new ApiError(response.status, title, detail, body && body.param);
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError(response.status, 'Unexpected answer from the server', 'The response was not JSON.');
  }
  return body;
}

export function search(params, signal) {
  return getJson('api/search', params, signal);
}

export function article(id, signal) {
  return getJson(`api/articles/${encodeURIComponent(id)}`, null, signal);
}

export function related(id, signal) {
  return getJson(`api/articles/${encodeURIComponent(id)}/related`, new URLSearchParams({ size: '5' }), signal);
}

export function suggest(prefix, signal) {
  return getJson('api/suggest', new URLSearchParams({ prefix, size: '8' }), signal);
}

export function stats(signal) {
  return getJson('api/stats', null, signal);
}
