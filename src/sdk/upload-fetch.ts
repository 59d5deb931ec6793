/**
 * A `fetch` made of XMLHttpRequest, for one reason: it reports how much of the body went up. `fetch`
 * cannot, except with a streamed body, which Chromium only sends over HTTP/2 (ky's `onUploadProgress`
 * fails on an HTTP/1.1 server with `ERR_H2_OR_QUIC_REQUIRED`). It does what the admin client needs:
 * method, headers, body, same-origin cookies, abort; the answer is a `Response` as `fetch` gives.
 */
export function uploadFetch(onProgress: (sent: number, total: number) => void): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? await request.blob() : null;
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.responseType = 'blob';
      xhr.withCredentials = request.credentials === 'include';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : (body?.size ?? 0));
      xhr.onload = () => resolve(toResponse(xhr));
      xhr.onerror = () => reject(new TypeError('Failed to fetch'));
      xhr.onabort = () => reject(request.signal.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  };
}

const NO_BODY = new Set([101, 204, 205, 304]);

function toResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return new Response(NO_BODY.has(xhr.status) ? null : (xhr.response as Blob), { status: xhr.status, statusText: xhr.statusText, headers });
}
