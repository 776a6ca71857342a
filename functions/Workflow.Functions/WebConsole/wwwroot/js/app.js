// The console's shell: sign-in state, navigation by URL hash, and one view at a time in <main>.
import { start, session, signIn, signOut } from './auth.js';
import { h, replace, notice } from './dom.js';
import { inboxView } from './inbox.js';
import { requestView } from './request.js';
import { submitView } from './submit.js';
import { myRequestsView } from './mine.js';
import { notificationsView } from './notifications.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const user = document.getElementById('user');
let config;
let stopCurrent = () => {};

function isApprover(current) {
  return current.groups.includes(config.approverGroup ?? 'approvers');
}

function routes(current) {
  const list = [];
  if (isApprover(current)) list.push({ hash: '#/inbox', label: 'Inbox' });
  list.push({ hash: '#/mine', label: 'My requests' }, { hash: '#/new', label: 'New request' });
  if (config.development) list.push({ hash: '#/notifications', label: 'Notifications (development)' });
  return list;
}

function renderShell(current) {
  replace(nav, ...routes(current).map(r => h('a', { href: r.hash, text: r.label })));
  nav.hidden = false;
  replace(user,
    h('span', { text: `Signed in as ${current.username}` }),
    h('button', { type: 'button', class: 'secondary', onclick: signOut, text: 'Sign out' }));
}

function renderSignedOut(problem) {
  nav.hidden = true;
  replace(user);
  replace(main,
    h('h1', { text: 'Purchase approvals' }),
    problem ? notice('error', problem) : null,
    h('p', { text: 'Submit purchase requests, follow them, and approve the ones waiting for you.' }),
    h('button', { type: 'button', onclick: () => signIn(), text: 'Sign in' }));
}

async function route() {
  stopCurrent();
  stopCurrent = () => {};
  const current = session();
  if (!current) {
    renderSignedOut();
    return;
  }

  renderShell(current);
  const hash = location.hash.startsWith('#/') ? location.hash : (isApprover(current) ? '#/inbox' : '#/mine');
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === hash.split('?')[0]) link.setAttribute('aria-current', 'page');
  }

  // Each navigation renders into its own container: a slower, older view finishing late fills a detached element
  // instead of replacing the page the user has moved on to.
  const view = h('div');
  replace(main, view);
  const context = { main: view, session: current, approver: isApprover(current), config, onStop: stop => { stopCurrent = stop; } };
  const match = /^#\/requests\/([A-Za-z0-9-]+)$/.exec(hash);
  try {
    if (match) await requestView(context, match[1]);
    else if (hash === '#/inbox') await inboxView(context);
    else if (hash === '#/new') await submitView(context);
    else if (hash === '#/notifications' && config.development) await notificationsView(context);
    else await myRequestsView(context);
  } catch (error) {
    replace(view, h('h1', { text: 'Something went wrong' }), notice('error', error.message));
  }
}

async function boot() {
  try {
    config = await start();
  } catch (error) {
    renderSignedOut(error.message);
    return;
  }
  // "#main" (the skip link) moves the focus, it is not a page of its own.
  window.addEventListener('hashchange', () => { if (!location.hash || location.hash.startsWith('#/')) route(); });
  await route();
}

boot();
