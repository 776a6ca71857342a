// New purchase request: a form whose fields show the API's field errors (problem+json "errors") next to them.
import { api, ApiError } from './api.js';
import { h, replace, notice } from './dom.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY'];

export async function submitView(context) {
  const { main } = context;
  const summary = h('div', { tabindex: '-1' });
  const linesBox = h('div', { class: 'lines' });
  let lineCount = 0;

  const requester = field('requester', 'Requester (your name)', h('input', { id: 'f-requester', name: 'requester', maxlength: 200, value: context.session.username, autocomplete: 'name' }));
  const costCentre = field('costCentre', 'Cost centre', h('input', { id: 'f-costCentre', name: 'costCentre', maxlength: 64 }));
  const vendor = field('vendor', 'Vendor', h('input', { id: 'f-vendor', name: 'vendor', maxlength: 200 }));
  const currency = field('currency', 'Currency', h('select', { id: 'f-currency', name: 'currency' }, ...CURRENCIES.map(c => h('option', { value: c, text: c }))));

  function addLine() {
    const index = lineCount++;
    const prefix = `lines[${index}]`;
    const remove = h('button', { type: 'button', class: 'link', text: `Remove line ${index + 1}`, onclick: () => { set.remove(); } });
    const set = h('fieldset', { class: 'line', dataset: { line: index } },
      h('legend', { text: `Line ${index + 1}` }),
      field(`${prefix}.description`, 'Description', h('textarea', { id: `f-line${index}-description`, maxlength: 2000, dataset: { part: 'description' } })),
      field(`${prefix}.quantity`, 'Quantity', h('input', { id: `f-line${index}-quantity`, inputmode: 'decimal', dataset: { part: 'quantity' } })),
      field(`${prefix}.unitPrice`, 'Unit price', h('input', { id: `f-line${index}-unitPrice`, inputmode: 'decimal', dataset: { part: 'unitPrice' } })),
      field(`${prefix}.taxCategory`, 'Tax category', h('select', { id: `f-line${index}-taxCategory`, dataset: { part: 'taxCategory' } },
        ...['standard', 'reduced', 'zero', 'exempt'].map(c => h('option', { value: c, text: c })))),
      index > 0 ? remove : null);
    linesBox.append(set);
  }

  const form = h('form', { novalidate: true },
    summary, requester, costCentre, vendor, currency,
    h('h2', { text: 'Lines' }), linesBox,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', text: 'Add a line', onclick: addLine }),
      h('button', { type: 'submit', text: 'Submit request' })));
  addLine();

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    replace(summary);
    const sets = [...linesBox.querySelectorAll('fieldset[data-line]')];
    const body = {
      type: 'purchase-request',
      input: {
        requester: value('f-requester'),
        costCentre: value('f-costCentre'),
        vendor: value('f-vendor'),
        currency: value('f-currency'),
        lines: sets.map(set => ({
          description: set.querySelector('[data-part=description]').value,
          quantity: number(set.querySelector('[data-part=quantity]').value),
          unitPrice: number(set.querySelector('[data-part=unitPrice]').value),
          taxCategory: set.querySelector('[data-part=taxCategory]').value,
        })),
      },
    };
    // The API reports lines by their position in the list it received; map positions back to the fieldsets shown.
    sets.forEach((set, position) => {
      for (const wrapper of set.querySelectorAll('[data-field]')) wrapper.dataset.field = wrapper.dataset.field.replace(/^lines\[\d+\]/, `lines[${position}]`);
    });
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const accepted = await api('POST', '/jobs', body, { 'Idempotency-Key': crypto.randomUUID() });
      location.hash = `#/requests/${accepted.jobId}`;
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      const unplaced = showErrors(form, error.fieldErrors);
      replace(summary, notice('error', h('strong', { text: error.problem.title ?? 'The request was not accepted.' }), ' ', error.problem.detail ?? '',
        unplaced.length ? h('ul', {}, ...unplaced.map(e => h('li', { text: `${e.field}: ${e.message}` }))) : null));
      if (!form.querySelector('[aria-invalid]')) summary.focus();
    }
  });

  replace(main, h('h1', { text: 'New purchase request' }), form);
}

function field(name, label, control) {
  const errorId = `${control.id}-error`;
  return h('div', { dataset: { field: name } }, h('label', { for: control.id, text: label }), control, h('p', { class: 'field-error', id: errorId, hidden: true }));
}

function value(id) {
  return document.getElementById(id).value.trim();
}

function number(text) {
  const trimmed = text.trim().replace(',', '.');
  return trimmed !== '' && !Number.isNaN(Number(trimmed)) ? Number(trimmed) : trimmed === '' ? null : trimmed;
}

function clearErrors(form) {
  for (const error of form.querySelectorAll('.field-error')) { error.hidden = true; error.textContent = ''; }
  for (const control of form.querySelectorAll('[aria-invalid]')) { control.removeAttribute('aria-invalid'); control.removeAttribute('aria-describedby'); }
}

/** Puts each error next to its field (API paths look like input.lines[0].quantity); returns those without a field. */
function showErrors(form, errors) {
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const path = String(error.field ?? '').replace(/^input\./, '');
    const wrapper = [...form.querySelectorAll('[data-field]')].find(w => w.dataset.field === path);
    if (!wrapper) { unplaced.push(error); continue; }
    const control = wrapper.querySelector('input, select, textarea');
    const message = wrapper.querySelector('.field-error');
    message.textContent = message.textContent ? `${message.textContent} ${error.message}` : error.message;
    message.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', message.id);
    first ??= control;
  }
  first?.focus();
  return unplaced;
}
