// Development only: the e-mails the local runtime delivered (its SNS outbox), newest first.
import { h, replace, notice, dateTime } from './dom.js';

export async function notificationsView({ main }) {
  replace(main, h('h1', { text: 'Notifications (development)' }), h('p', { class: 'muted', text: 'Loading…' }));
  const response = await fetch('/_local/notifications');
  if (!response.ok) {
    replace(main, h('h1', { text: 'Notifications (development)' }), notice('error', `The local runtime answered ${response.status}.`));
    return;
  }
  const items = await response.json();
  replace(main,
    h('h1', { text: 'Notifications (development)' }),
    h('p', { class: 'muted', text: 'What the approvers and requesters would receive by e-mail, newest first.' }),
    h('p', { role: 'status', text: `${items.length} notification${items.length === 1 ? '' : 's'}` }),
    ...items.map(n => h('article', { class: 'card' },
      h('h2', { text: n.subject || '(no subject)' }),
      h('p', { class: 'muted', text: `${dateTime(n.time)} · to ${n.endpoint} · topic ${n.topic}` }),
      h('pre', { class: 'body', text: n.body }))));
}
