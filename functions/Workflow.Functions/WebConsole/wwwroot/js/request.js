// One request: lines, totals, budget, findings, decision, timeline; approve or reject (approvers), cancel (requester).
import { api, ApiError, FINAL } from './api.js';
import { h, replace, notice, money, dateTime, statusBadge } from './dom.js';

export async function requestView(context, jobId, message = null) {
  const { main } = context;
  let job;
  try {
    job = await api('GET', `/jobs/${encodeURIComponent(jobId)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(main, h('h1', { text: 'Request not found' }), notice('error', 'This request does not exist or is not yours.'));
      return;
    }
    throw error;
  }

  const input = job.input ?? {};
  const currency = job.decision?.currency ?? input.currency;
  const [validation, pricing, budget, policy] = Array.isArray(job.steps) ? job.steps : [];
  replace(main,
    h('p', {}, h('a', { href: context.approver ? '#/inbox' : '#/mine', text: context.approver ? '← Inbox' : '← My requests' })),
    h('h1', {}, `Request from ${input.requester ?? job.clientId} `, statusBadge(job.status)),
    message,
    facts([
      ['Vendor', input.vendor], ['Cost centre', input.costCentre], ['Currency', currency],
      ['Submitted', dateTime(job.createdAt)], ['Request id', job.jobId],
      job.purchaseOrderNumber ? ['Purchase order', job.purchaseOrderNumber] : null,
      job.approvalDueAt && job.status === 'AWAITING_APPROVAL' ? ['Decision due by', dateTime(job.approvalDueAt)] : null,
    ]),
    h('h2', { text: 'Lines' }),
    linesTable(input.lines ?? [], pricing, currency),
    pricing ? facts([['Subtotal', money(pricing.subtotal, currency)], ['Tax', money(pricing.tax, currency)], ['Total with tax', money(pricing.total, currency)]]) : null,
    budget ? [h('h2', { text: 'Budget' }), facts([
      ['Cost centre', budget.costCentre],
      ['Remaining before', money(budget.remaining, budget.currency)],
      ['This request', money(budget.required, budget.currency)],
      ['Remaining after', money(budget.remaining - budget.required, budget.currency)],
      ['Within budget', budget.withinBudget ? 'yes' : `no${budget.reason ? ` — ${budget.reason}` : ''}`],
    ])] : null,
    h('h2', { text: 'Policy findings' }),
    findings(validation, policy, job.decision),
    job.decision ? [h('h2', { text: 'Decision of the checks' }), decisionBlock(job.decision)] : null,
    job.approval ? [h('h2', { text: 'Approval' }), facts([
      ['Outcome', job.approval.outcome], ['By', job.approval.by], ['At', dateTime(job.approval.at)], ['Comment', job.approval.comment || '—'],
    ])] : null,
    job.error ? notice('error', `${job.error}: ${job.cause ?? ''}`) : null,
    h('h2', { text: 'Timeline' }),
    timeline(job.timeline ?? []),
    actions(context, job));
}

function facts(rows) {
  return h('dl', { class: 'facts' }, ...rows.filter(Boolean).flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value ?? '—' })]));
}

function linesTable(lines, pricing, currency) {
  const priced = new Map((pricing?.lines ?? []).map(l => [l.index, l]));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
    h('thead', {}, h('tr', {}, ...['Description', 'Quantity', 'Unit price', 'Tax rate', 'Net', 'Tax', 'Gross'].map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null, text: t })))),
    h('tbody', {}, ...lines.map((line, index) => {
      const p = priced.get(index);
      return h('tr', {},
        h('td', { 'data-label': 'Description', text: line.description }),
        h('td', { class: 'num', 'data-label': 'Quantity', text: line.quantity }),
        h('td', { class: 'num', 'data-label': 'Unit price', text: money(line.unitPrice, currency) }),
        h('td', { class: 'num', 'data-label': 'Tax rate', text: p ? `${Math.round(p.taxRate * 1000) / 10} %` : (line.taxCategory ?? 'standard') }),
        h('td', { class: 'num', 'data-label': 'Net', text: p ? money(p.net, currency) : '—' }),
        h('td', { class: 'num', 'data-label': 'Tax', text: p ? money(p.tax, currency) : '—' }),
        h('td', { class: 'num', 'data-label': 'Gross', text: p ? money(p.gross, currency) : '—' }));
    }))));
}

function findings(validation, policy, decision) {
  const items = [
    ...(validation?.errors ?? []).map(e => `${e.field}: ${e.message}`),
    ...(decision?.flags ?? policy?.flags ?? []).map(f => `${f.code}: ${f.message}`),
  ];
  return items.length === 0 ? h('p', { text: 'No findings.' }) : h('ul', {}, ...items.map(text => h('li', { text })));
}

function decisionBlock(decision) {
  const verdict = decision.autoReject ? 'Rejected by the rules' : decision.needsApproval ? 'Needs a human approval' : 'Approved by the rules';
  return [h('p', { text: `${verdict} (total ${money(decision.total, decision.currency)}).` }),
    h('ul', {}, ...(decision.reasons ?? []).map(reason => h('li', { text: reason })))];
}

function timeline(events) {
  if (events.length === 0) return h('p', { class: 'muted', text: 'No events yet.' });
  return h('ol', { class: 'timeline' }, ...events.map(e => h('li', {}, h('strong', { text: e.event }), e.at ? ` — ${dateTime(e.at)}` : '', e.detail ? ` — ${e.detail}` : '')));
}

function actions(context, job) {
  const box = h('section', { 'aria-label': 'Actions' });
  const own = job.clientId === context.session.subject;
  if (job.status === 'AWAITING_APPROVAL' && context.approver && !own) box.append(decideForm(context, job));
  if (job.status === 'AWAITING_APPROVAL' && context.approver && own) box.append(notice('warning', 'You cannot decide your own request; another approver will.'));
  if (!FINAL.has(job.status) && own) {
    box.append(h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'secondary', text: 'Cancel this request',
      onclick: async () => {
        try {
          await api('POST', `/jobs/${job.jobId}/cancel`);
          await requestView(context, job.jobId, notice('success', 'The request was cancelled.'));
        } catch (error) {
          box.append(notice('error', error.message));
        }
      },
    })));
  }
  return box;
}

function decideForm(context, job) {
  const comment = h('textarea', { id: 'decision-comment', maxlength: 1000, 'aria-describedby': 'decision-comment-hint' });
  const hint = h('p', { id: 'decision-comment-hint', class: 'muted', text: 'Required when rejecting; shown to the requester.' });
  const feedback = h('div', { 'aria-live': 'polite' });
  const buttons = h('div', { class: 'actions' });

  function ask(decision) {
    replace(feedback);
    comment.removeAttribute('aria-invalid');
    if (decision === 'REJECT' && comment.value.trim() === '') {
      comment.setAttribute('aria-invalid', 'true');
      replace(feedback, h('p', { class: 'field-error', id: 'decision-comment-error', text: 'A rejection needs a comment.' }));
      comment.focus();
      return;
    }
    const verb = decision === 'APPROVE' ? 'Approve' : 'Reject';
    const confirm = h('button', { type: 'button', class: decision === 'APPROVE' ? null : 'danger', text: `Yes, ${verb.toLowerCase()}`, onclick: () => send(decision) });
    replace(buttons,
      h('p', { role: 'status', text: `${verb} the request from ${job.input?.requester ?? job.clientId} for ${money(job.decision?.total, job.decision?.currency)}?` }),
      confirm,
      h('button', { type: 'button', class: 'secondary', text: 'No, go back', onclick: showChoices }));
    confirm.focus();
  }

  async function send(decision) {
    for (const button of buttons.querySelectorAll('button')) button.disabled = true;
    try {
      await api('POST', `/jobs/${job.jobId}/approval`, { decision, comment: comment.value.trim() || null });
      await requestView(context, job.jobId, notice('success', decision === 'APPROVE' ? 'You approved this request.' : 'You rejected this request.'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const closed = error.problem.title === 'Approval window closed';
        await requestView(context, job.jobId, notice('warning', closed
          ? 'This request no longer waits for a decision: it was cancelled or the approval timed out.'
          : `Someone else decided first. ${error.message}`));
        return;
      }
      const field = error instanceof ApiError ? error.fieldErrors.find(e => e.field === 'comment') : null;
      if (field) comment.setAttribute('aria-invalid', 'true');
      replace(feedback, notice('error', field ? `Comment: ${field.message}` : error.message));
      showChoices();
    }
  }

  function showChoices() {
    replace(buttons,
      h('button', { type: 'button', text: 'Approve', onclick: () => ask('APPROVE') }),
      h('button', { type: 'button', class: 'danger', text: 'Reject', onclick: () => ask('REJECT') }));
  }

  showChoices();
  return h('div', { class: 'card' }, h('h2', { text: 'Your decision' }), h('label', { for: 'decision-comment', text: 'Comment' }), comment, hint, feedback, buttons);
}
