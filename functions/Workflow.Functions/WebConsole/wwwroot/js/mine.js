// The requester's own requests with live status: polled with back-off while any is still in progress.
import { api, FINAL } from './api.js';
import { h, replace, notice, money, dateTime, statusBadge } from './dom.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

export async function myRequestsView(context) {
  const { main } = context;
  let timer = null;
  let stopped = false;
  let delay = FIRST_DELAY_MS;
  context.onStop(() => { stopped = true; clearTimeout(timer); });

  const body = h('tbody');
  const state = h('p', { class: 'muted', role: 'status', id: 'mine-state' });
  const feedback = h('div');
  replace(main, h('h1', { text: 'My requests' }),
    h('p', {}, h('a', { href: '#/new', text: 'New purchase request' })), feedback, state,
    h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, ...['Submitted', 'Vendor', 'Total', 'Status', ''].map(t => h('th', { scope: 'col', text: t })))), body)));

  async function refresh() {
    if (stopped) return;
    let data;
    try {
      data = await api('GET', '/jobs?limit=50');
    } catch (error) {
      replace(feedback, notice('error', error.message));
      schedule();
      return;
    }
    if (stopped) return;
    const jobs = data.items ?? [];
    replace(body, ...jobs.map(job => h('tr', { dataset: { jobId: job.jobId, status: job.status } },
      h('td', { 'data-label': 'Submitted', text: dateTime(job.createdAt) }),
      h('td', { 'data-label': 'Vendor', text: job.input?.vendor ?? '' }),
      h('td', { 'data-label': 'Total', text: job.decision ? money(job.decision.total, job.decision.currency) : '—' }),
      h('td', { 'data-label': 'Status' }, statusBadge(job.status)),
      h('td', { 'data-label': 'Actions' },
        h('a', { href: `#/requests/${job.jobId}`, text: 'Details', 'aria-label': `Details of the request for ${job.input?.vendor ?? ''}` }),
        FINAL.has(job.status) ? null : [' ', h('button', { type: 'button', class: 'link', text: 'Cancel', onclick: () => cancel(job) })]))));
    const pending = jobs.filter(j => !FINAL.has(j.status)).length;
    if (jobs.length === 0) state.textContent = 'You have not submitted any request yet.';
    else state.textContent = pending > 0 ? `${pending} in progress — updating automatically.` : 'All your requests are finished.';
    if (pending > 0) schedule();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  async function cancel(job) {
    try {
      await api('POST', `/jobs/${job.jobId}/cancel`);
      replace(feedback, notice('success', `The request for ${job.input?.vendor ?? ''} was cancelled.`));
    } catch (error) {
      replace(feedback, notice('error', error.message));
    }
    delay = FIRST_DELAY_MS;
    await refresh();
  }

  await refresh();
}
