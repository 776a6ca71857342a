// Approver inbox: every request awaiting approval, sortable and filterable, with the time left before it times out.
import { api, listAll, ApiError } from './api.js';
import { h, replace, notice, money, dateTime, duration } from './dom.js';

const COLUMNS = [
  { key: 'requester', label: 'Requester', value: j => j.input?.requester ?? j.clientId },
  { key: 'vendor', label: 'Vendor', value: j => j.input?.vendor ?? '' },
  { key: 'total', label: 'Total', num: true, value: j => j.decision?.total ?? 0, show: j => money(j.decision?.total, j.decision?.currency ?? j.input?.currency) },
  { key: 'costCentre', label: 'Cost centre', value: j => j.input?.costCentre ?? '' },
  { key: 'waitingSince', label: 'Waiting since', value: j => j.waitingSince ?? j.updatedAt, show: j => dateTime(j.waitingSince ?? j.updatedAt) },
  { key: 'timeLeft', label: 'Time left', value: j => j.approvalDueAt ?? '', show: j => j.approvalDueAt ? duration(new Date(j.approvalDueAt) - Date.now()) : '—' },
];

export async function inboxView({ main }) {
  replace(main, h('h1', { text: 'Inbox' }), h('p', { class: 'muted', text: 'Loading requests awaiting approval…' }));
  let jobs;
  try {
    jobs = await listAll('/approvals?limit=100');
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      replace(main, h('h1', { text: 'Inbox' }), notice('error', 'Only approvers can see the inbox.'));
      return;
    }
    throw error;
  }

  let sortKey = 'waitingSince';
  let ascending = true;
  const filter = h('input', { id: 'inbox-filter', type: 'search', placeholder: 'Requester, vendor, cost centre…' });
  const count = h('p', { id: 'inbox-count', role: 'status' });
  const body = h('tbody');
  const headRow = h('tr');
  const table = h('table', { class: 'responsive' }, h('caption', { class: 'muted', text: 'Requests awaiting approval' }), h('thead', {}, headRow), body);

  function render() {
    const term = filter.value.trim().toLowerCase();
    const column = COLUMNS.find(c => c.key === sortKey);
    const shown = jobs
      .filter(j => !term || [j.input?.requester, j.input?.vendor, j.input?.costCentre, j.clientId].some(v => String(v ?? '').toLowerCase().includes(term)))
      .sort((a, b) => {
        const x = column.value(a), y = column.value(b);
        const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
    count.textContent = shown.length === jobs.length
      ? `${jobs.length} request${jobs.length === 1 ? '' : 's'} awaiting approval`
      : `${shown.length} of ${jobs.length} requests awaiting approval`;
    replace(headRow, ...COLUMNS.map(c => h('th', { class: c.num ? 'num' : null, scope: 'col', 'aria-sort': c.key === sortKey ? (ascending ? 'ascending' : 'descending') : null },
      h('button', { type: 'button', class: 'sort', onclick: () => { ascending = sortKey === c.key ? !ascending : true; sortKey = c.key; render(); }, text: c.label }))),
      h('th', { scope: 'col', text: 'Request' }));
    replace(body, ...shown.map(j => h('tr', { dataset: { jobId: j.jobId } },
      ...COLUMNS.map(c => h('td', { class: c.num ? 'num' : null, 'data-label': c.label, text: c.show ? c.show(j) : c.value(j) })),
      h('td', { 'data-label': 'Request' }, h('a', { href: `#/requests/${j.jobId}`, text: 'Open', 'aria-label': `Open the request from ${j.input?.requester ?? j.clientId} for ${j.input?.vendor ?? ''}` })))));
  }

  filter.addEventListener('input', render);
  render();
  replace(main,
    h('h1', { text: 'Inbox' }),
    h('div', { class: 'toolbar' }, h('div', {}, h('label', { for: 'inbox-filter', text: 'Filter' }), filter)),
    count,
    jobs.length === 0 ? h('p', { text: 'Nothing waits for you.' }) : h('div', { class: 'table-wrap' }, table));
}
