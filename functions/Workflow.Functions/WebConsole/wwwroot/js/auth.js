// Sign-in with the authorization-code flow and PKCE against the configured OpenID Connect issuer (Cognito on AWS,
// the local runtime's development provider locally). Tokens live in sessionStorage only, never in a URL or
// localStorage; the client has no secret.

const KEY = 'workflow.console.session';
const PENDING = 'workflow.console.pending';
let config;
let discovery;

export function consoleUrl() {
  return `${location.origin}/console`;
}

export async function start() {
  config = await fetchJson('/console/config.json');
  discovery = await fetchJson(`${config.issuer}/.well-known/openid-configuration`);
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    await finishSignIn(params);
    history.replaceState(null, '', consoleUrl() + location.hash);
  }
  return config;
}

export function session() {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw);
    const access = claims(stored.accessToken);
    const id = claims(stored.idToken);
    return {
      ...stored,
      subject: access.sub,
      username: id['cognito:username'] ?? access.username ?? id.email ?? access.sub,
      email: id.email ?? null,
      groups: Array.isArray(access['cognito:groups']) ? access['cognito:groups'] : [],
    };
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export async function signIn() {
  const verifier = randomText(48);
  const state = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: consoleUrl(),
    scope: config.scopes,
    state,
    code_challenge: await challengeFor(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${discovery.authorization_endpoint}?${query}`);
}

export function signOut() {
  const current = session();
  sessionStorage.removeItem(KEY);
  const endpoint = config.logoutEndpoint ?? discovery.end_session_endpoint;
  if (!endpoint) {
    location.assign(consoleUrl());
    return;
  }

  // Cognito's logout takes client_id and logout_uri; standard OIDC takes post_logout_redirect_uri and id_token_hint.
  const query = new URLSearchParams({ client_id: config.clientId, logout_uri: consoleUrl(), post_logout_redirect_uri: consoleUrl() });
  if (current?.idToken && !config.logoutEndpoint) query.set('id_token_hint', current.idToken);
  location.assign(`${endpoint}?${query}`);
}

/** A valid access token, refreshed when it expires within a minute; null when the session is gone. */
export async function accessToken() {
  const current = session();
  if (!current) return null;
  if (current.expiresAt - Date.now() > 60_000) return current.accessToken;
  if (!current.refreshToken) return null;
  const tokens = await tokenRequest({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: current.refreshToken });
  if (!tokens) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  store(tokens, current.refreshToken);
  return tokens.access_token;
}

async function finishSignIn(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (params.has('error')) throw new Error(`Sign-in failed: ${params.get('error_description') ?? params.get('error')}`);
  if (!pending || pending.state !== params.get('state')) throw new Error('Sign-in failed: the answer does not belong to this browser tab. Sign in again.');
  const tokens = await tokenRequest({
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code: params.get('code'),
    redirect_uri: consoleUrl(),
    code_verifier: pending.verifier,
  });
  if (!tokens) throw new Error('Sign-in failed: the code was refused. Sign in again.');
  store(tokens, tokens.refresh_token);
  if (pending.hash && !location.hash) location.hash = pending.hash;
}

async function tokenRequest(fields) {
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  return response.ok ? response.json() : null;
}

function store(tokens, refreshToken) {
  sessionStorage.setItem(KEY, JSON.stringify({
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    refreshToken: refreshToken ?? null,
    expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
  }));
}

function claims(jwt) {
  const part = jwt.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeFor(verifier) {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
