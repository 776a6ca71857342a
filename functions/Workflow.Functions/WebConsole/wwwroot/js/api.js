// The workflow API (same origin as the console). Failures become ApiError with the problem+json body.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export async function api(method, path, body, headers = {}) {
  const token = await accessToken();
  if (!token) throw new ApiError(401, { title: 'Signed out', detail: 'Your session has ended. Sign in again.' });
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Every page of a listing (bounded, so a huge backlog cannot hang the page). */
export async function listAll(path, maxPages = 10) {
  const items = [];
  let next = null;
  for (let page = 0; page < maxPages; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const data = await api('GET', next ? `${path}${separator}nextToken=${encodeURIComponent(next)}` : path);
    items.push(...(data.items ?? []));
    next = data.nextToken;
    if (!next) break;
  }
  return items;
}

export const FINAL = new Set(['SUCCEEDED', 'FAILED', 'REJECTED', 'CANCELLED']);
