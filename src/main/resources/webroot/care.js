// Care desk: report an urgent event (each server error shown at its field), the open cases with their timeline,
// and the follow-up calls to make (overdue ones marked). Live pushes from the care-desk queue refresh the lists.
// A mass disruption opens a case per passenger: urgent cases stay on top, and the list can be filtered and searched.
import { $, fill, Live, api, clearProblem, clock, dayText, fieldErrors, h, lang, money, onResume, showProblem, startPage,
  stationDate, stationTime, t, tCode, telLink } from './app.js';

await startPage(['care', 'ops', 'admin']);
const problemBox = $('#care-problem');
const form = $('#report-form');
const state = { cases: [], followUps: [], openCase: null, view: null, result: null,
  filter: 'all', search: '', limit: 0, refund: null };
const PAGE = 50; // open cases shown at a time; a disruption can open hundreds
state.limit = PAGE;
const DISRUPTION_TYPES = new Set(['FLIGHT_CANCELLED', 'FLIGHT_DELAYED', 'FLIGHT_DIVERTED', 'MISSED_CONNECTION']);
const isDisruption = (c) => DISRUPTION_TYPES.has(c.type);

// ---- lists -----------------------------------------------------------------------------------------------------
async function loadCases() {
  state.cases = (await api('/api/v1/cases?status=OPEN')).cases || [];
  renderCases();
}

async function loadFollowUps() {
  state.followUps = (await api('/api/v1/followups?status=DUE')).followUps || [];
  renderFollowUps();
}

async function loadDetail() {
  if (!state.openCase) return;
  state.view = await api(`/api/v1/cases/${state.openCase}`);
  renderDetail();
}

async function refresh() {
  try {
    await Promise.all([loadCases(), loadFollowUps(), loadDetail()]);
    clearProblem(problemBox);
  } catch (err) {
    showProblem(problemBox, err);
  }
}

let refreshTimer = null;
/** Pushes come in bursts (one per step): refresh once per burst. */
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 300);
}

const fullName = (p) => `${p?.firstName || ''} ${p?.lastName || ''}`.trim();

/** A disruption case's flight: where she was when the disruption found her (usually the disrupted flight). */
const caseFlight = (c) => (isDisruption(c) && c.location?.flight
  ? `${c.location.flight} ${dayText(c.location.date)}`.trim() : '');

function caseMatches(c, words) {
  if (!words.length) return true;
  const text = [c.reference, fullName(c.passenger), c.passenger?.pnr, c.location?.flight, c.destination,
    tCode('type.', c.type)].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

function caseItem(c) {
  const flight = caseFlight(c);
  return h('li', {},
    h('button', { type: 'button', class: 'case', 'data-case-id': c.id, 'data-type': c.type,
      'aria-current': String(c.id === state.openCase) },
    h('strong', {}, c.reference), ' · ',
    h('span', { class: `badge case-type ${isDisruption(c) ? 'amber' : 'red'}` }, tCode('type.', c.type)),
    flight ? [' · ', h('span', { class: 'case-flight' }, flight)] : null,
    ` · ${fullName(c.passenger)}`, c.destination ? ` → ${c.destination}` : '',
    h('div', { class: 'muted' }, t('case.opened', { time: clock(c.createdAt) }))));
}

function renderCases() {
  // Urgent cases first (a family emergency must not drown under a cancelled flight's passengers), newest first.
  const urgent = state.cases.filter((c) => !isDisruption(c));
  const disrupted = state.cases.filter(isDisruption);
  const counts = { all: state.cases.length, urgent: urgent.length, disruption: disrupted.length };
  $('#case-filter').querySelectorAll('option').forEach((o) => { o.textContent = t(`care.filter.${o.value}`, { n: counts[o.value] }); });
  $('#case-filter').value = state.filter;
  const pool = state.filter === 'urgent' ? urgent : state.filter === 'disruption' ? disrupted : [...urgent, ...disrupted];
  const words = state.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = pool.filter((c) => caseMatches(c, words));
  const shown = found.slice(0, state.limit);
  // The case open on the right stays in the list even when it is beyond the page.
  const open = found.find((c) => c.id === state.openCase);
  if (open && !shown.includes(open)) shown.push(open);
  fill($('#cases'), ...(shown.length ? shown.map(caseItem)
    : [h('li', { class: 'empty' }, t(state.cases.length ? 'care.noMatch' : 'care.noCases'))]));
  const more = $('#cases-more');
  const rest = found.length - shown.length;
  more.hidden = rest <= 0;
  fill(more, rest > 0 ? [h('span', { class: 'muted' }, t('care.shown', { shown: shown.length, total: found.length })),
    h('button', { type: 'button', id: 'cases-more-button' }, t('care.showMore', { n: Math.min(PAGE, rest) }))] : []);
}

$('#case-filter').addEventListener('change', (event) => {
  state.filter = event.target.value;
  state.limit = PAGE;
  renderCases();
});
$('#case-search').addEventListener('input', (event) => {
  state.search = event.target.value;
  state.limit = PAGE;
  renderCases();
});
$('#cases-more').addEventListener('click', (event) => {
  if (!event.target.closest('#cases-more-button')) return;
  state.limit += PAGE;
  renderCases();
});

// The server computes "overdue" by its clock; compare dueAt with now only when the flag is missing.
const overdue = (f) => (typeof f.overdue === 'boolean' ? f.overdue : Date.parse(f.dueAt) < Date.now());

function renderFollowUps() {
  // Keep what the agent is typing: the list redraws on every push.
  const typed = new Map([...document.querySelectorAll('.followup')].map((el) => [el.dataset.followupId,
    el.querySelector('.outcome').value]));
  const focused = document.activeElement?.closest?.('.followup')?.dataset.followupId;
  fill($('#followups'), ...(state.followUps.length ? state.followUps.map((f) => {
    const late = overdue(f);
    const id = `outcome-${f.id}`;
    return h('li', { class: 'followup card', 'data-followup-id': f.id, 'data-overdue': String(late), 'data-case-id': f.caseId },
      h('div', {}, late ? h('span', { class: 'badge red' }, t('care.overdue')) : null, ' ',
        h('strong', {}, t('care.due', { time: clock(f.dueAt) }))),
      h('div', {}, h('strong', {}, f.passenger || ''), ` · ${tCode('type.', f.type)} · ${t('case')} ${f.caseReference || ''}`),
      f.call?.name || f.call?.phone ? h('div', {}, `${f.call.name || ''} `, telLink(f.call.phone)) : null,
      h('label', { for: id }, t('care.outcome')),
      h('textarea', { id, class: 'outcome', maxlength: '1000' }),
      h('div', { class: 'field-error', role: 'alert' }),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'data-action': 'complete' },
        t('action.complete'))));
  }) : [h('li', { class: 'empty' }, t('care.noFollowups'))]));
  typed.forEach((value, fid) => {
    const area = $(`.followup[data-followup-id="${fid}"] .outcome`);
    if (area) area.value = value;
  });
  if (focused) $(`.followup[data-followup-id="${focused}"] .outcome`)?.focus();
}

// ---- case detail -----------------------------------------------------------------------------------------------
function compact(detail) {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  const text = Object.entries(detail).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${v}`).join(' · ');
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

function actionText(action) {
  const step = /^([A-Z_]+) (done|skipped|failed)$/.exec(action || '');
  return step ? `${tCode('step.', step[1])}: ${t(`stepr.${step[2]}`)}` : tCode('tl.', action);
}

function legText(leg) {
  return `${leg.flight} ${leg.origin}→${leg.destination} · ${stationDate(leg.departure)} ${stationTime(leg.departure)}`
    + `–${stationTime(leg.arrival)}${leg.seat ? ` · ${t('seat')} ${leg.seat}` : ''}`;
}

// ---- disruptions in the case ----------------------------------------------------------------------------------
/** "EU261+AIRLINE" → "EU 261 + our service plan". */
const ruleName = (rule) => (rule ? String(rule).split('+').map((r) => tCode('rule.', r)).join(' + ') : '');
const wholeAmount = (amount, currency) => `${Number(amount).toLocaleString(lang())} ${currency || ''}`.trim();

function rightsText(r) {
  if (!r) return '–';
  const parts = [r.meals && t('case.r.meals'), r.communication && t('case.r.communication'), r.hotel && t('case.r.hotel'),
    r.refund && t('case.r.refund'),
    Number(r.compensation) > 0 && t('case.r.compensation', { amount: wholeAmount(r.compensation, r.currency) })]
    .filter(Boolean);
  if (!parts.length) return t('case.r.none');
  return r.rule ? `${ruleName(r.rule)}: ${parts.join(', ')}` : parts.join(', ');
}

function disruptionStatus(d) {
  const n = d.waitlistPosition;
  return d.status === 'WAITLISTED' && n !== null && n !== undefined ? t('case.d.waitlisted', { n })
    : tCode('dstatus.', d.status);
}

/** Each disruption the case was worked in: her place in the priority order, what came of it, what she is owed. */
function disruptionPanel(v) {
  const list = v.disruptions || [];
  if (!list.length) return null;
  const latest = list[list.length - 1];
  const refundable = Boolean(latest.rights?.refund) && latest.status !== 'REFUNDED';
  const mine = state.refund?.caseId === v.id ? state.refund : null;
  let problem = null;
  if (mine?.error) {
    problem = h('div', { id: 'case-refund-problem', class: 'problem', role: 'alert' });
    showProblem(problem, mine.error);
  }
  return h('section', { id: 'case-disruptions', 'aria-labelledby': 'case-disruptions-title' },
    h('h3', { id: 'case-disruptions-title' }, t('case.disruption')),
    h('ul', { class: 'plain' }, list.map((d) => h('li', { class: 'case-disruption', 'data-disruption-id': d.id,
      'data-kind': d.kind, 'data-status': d.status },
    h('div', {}, h('strong', { class: 'kind' }, tCode('ops.kind.', d.kind)), ' · ',
      h('span', { class: 'flight' }, `${d.flight || ''} ${dayText(d.date)}`.trim()),
      d.origin ? ` · ${d.origin}→${d.destination || ''}` : ''),
    h('dl', { class: 'kv' },
      h('dt', {}, t('case.d.priority')), h('dd', { class: 'place' },
        t('case.d.place', { rank: d.rank ?? '–', group: d.group ?? '–', reason: d.reason || '' })),
      h('dt', {}, t('case.d.outcome')), h('dd', { class: 'dstatus' }, disruptionStatus(d)),
      h('dt', {}, t('case.d.rights')), h('dd', { class: 'rights' }, rightsText(d.rights)))))),
    mine?.result ? h('p', { id: 'case-refund-result', class: 'success', role: 'status' },
      t('case.refunded', { amount: money(mine.result.amount, mine.result.currency), rule: ruleName(mine.result.rule) || '–' }))
      : null,
    problem,
    refundable ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', 'data-action': 'refund',
      'data-case-id': v.id, disabled: state.refund?.busy === v.id }, t('case.refund'))) : null);
}

$('#case-detail').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action="refund"]');
  if (!button || button.disabled) return;
  const caseId = button.dataset.caseId;
  button.disabled = true;
  state.refund = { caseId, busy: caseId };
  try {
    // 201 the first time, 200 with the same refund when it was already given; 409 when no rule gives one.
    state.refund = { caseId, result: await api(`/api/v1/cases/${caseId}/refund`, { method: 'POST', body: {} }) };
  } catch (err) {
    state.refund = { caseId, error: err };
  }
  try {
    await loadDetail();
  } catch (err) {
    showProblem(problemBox, err);
  }
  renderDetail();
  refreshSoon(); // a disruption's case closes with the refund: the open list changes
});

function renderDetail() {
  const v = state.view;
  if (!v) return;
  const r = v.rebooking;
  const legs = r?.itinerary || [];
  fill($('#case-detail'),
    h('h2', {}, `${t('case')} ${v.reference} · `, h('span', { class: 'case-type' }, tCode('type.', v.type))),
    h('dl', { class: 'kv' },
      h('dt', {}, t('passenger')), h('dd', {}, `${fullName(v.passenger)} · ${v.passenger?.pnr || ''}`),
      h('dt', {}, t('reason')), h('dd', {}, tCode('type.', v.type)),
      h('dt', {}, t('status')), h('dd', {}, tCode('status.', v.status)),
      v.destination ? [h('dt', {}, t('case.destination')), h('dd', {}, v.destination)] : null,
      v.reporter ? [h('dt', {}, t('case.reporter')), h('dd', {}, `${v.reporter.name || ''} `,
        v.reporter.relation ? `(${tCode('rel.', v.reporter.relation)}) ` : '', telLink(v.reporter.phone))] : null,
      v.recall ? [h('dt', {}, t('case.recall')), h('dd', {}, tCode('recall.', v.recall))] : null,
      v.note ? [h('dt', {}, t('note')), h('dd', {}, v.note)] : null,
      v.followUp ? [h('dt', {}, t('case.followUp')), h('dd', {},
        v.followUp.status === 'DUE' ? t('care.due', { time: clock(v.followUp.dueAt) }) : tCode('status.', v.followUp.status))]
        : null),
    h('h3', {}, t('case.rebooking')),
    legs.length && r.found !== false
      ? h('ul', {}, legs.map((leg) => h('li', {}, legText(leg))),
        r.reissue?.newTicket || r.ticket ? h('li', {}, `${t('ticket')} ${r.reissue?.newTicket || r.ticket}`) : null)
      : r?.waitlisted ? h('p', { class: 'waitlisted' }, t('case.waitlistedRebook', { n: r.waitlistPosition ?? '–', why: r.why || '' }))
        : h('p', { class: 'muted' }, t('case.noRebooking')),
    disruptionPanel(v),
    v.bags?.length ? [h('h3', {}, t('bags')), h('ul', {}, v.bags.map((b) => h('li', { class: 'bag', 'data-tag': b.tag,
      'data-status': b.status }, `${t('bag', { tag: b.tag })} · `, h('span', { class: 'status' }, tCode('bag.', b.status)))))] : null,
    v.care?.length ? [h('h3', {}, t('case.care')), h('ul', {}, v.care.map((c) => h('li', { class: 'care-item', 'data-kind': c.kind },
      tCode('careKind.', c.kind) === c.kind ? c.kind
        : t(`careKind.${c.kind}`, { station: c.station, amount: money(c.amount, c.currency), code: c.code }))))] : null,
    v.escalations?.length ? [h('h3', {}, t('case.escalations')), h('ul', {}, v.escalations.map((e) => h('li', {},
      `${clock(e.at)} · ${tCode('esc.', e.reason)}`)))] : null,
    v.notifications?.length ? [h('h3', {}, t('case.notifications')), h('ul', {}, v.notifications.map((n) => h('li', {},
      [n.channel, n.audience, n.language, n.status].filter(Boolean).join(' · '), n.subject ? ` — ${n.subject}` : '')))] : null,
    h('h3', {}, t('case.timeline')),
    h('ol', { id: 'timeline' }, (v.timeline || []).map((e) => h('li', { class: 'entry' },
      h('time', { datetime: e.at }, clock(e.at)), h('strong', {}, actionText(e.action)), h('span', { class: 'muted' }, ` · ${e.by || ''}`),
      compact(e.detail) ? h('div', { class: 'detail' }, compact(e.detail)) : null))));
}

$('#cases').addEventListener('click', async (event) => {
  const button = event.target.closest('.case');
  if (!button) return;
  state.openCase = button.dataset.caseId;
  renderCases();
  try {
    await loadDetail();
    clearProblem(problemBox);
    if (window.matchMedia('(max-width: 899px)').matches) $('#case-detail').scrollIntoView({ behavior: 'smooth' });
  } catch (err) {
    showProblem(problemBox, err);
  }
});

// ---- follow-ups ------------------------------------------------------------------------------------------------
$('#followups').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action="complete"]');
  const item = button?.closest('.followup');
  if (!item) return;
  const outcome = item.querySelector('.outcome').value.trim();
  const errorEl = item.querySelector('.field-error');
  if (!outcome) {
    errorEl.textContent = t('care.outcomeRequired');
    item.querySelector('.outcome').focus();
    return;
  }
  button.disabled = true;
  try {
    const done = await api(`/api/v1/followups/${item.dataset.followupId}/complete`, { method: 'POST', body: { outcome } });
    state.followUps = state.followUps.filter((f) => String(f.id) !== item.dataset.followupId);
    item.remove(); // before redrawing, so its typed text is not carried over
    renderFollowUps();
    $('#followup-result').textContent = `${t('status.DONE')}: ${done.passenger || ''} · ${t('case')} ${done.caseReference || ''}`;
    $('#followup-result').hidden = false;
    refreshSoon();
  } catch (err) {
    showProblem(errorEl, err);
    button.disabled = false;
  }
});

// ---- report form -----------------------------------------------------------------------------------------------
const UPPER = new Set(['pnr', 'flight', 'destination']);
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
// One key per event being reported: pressing submit twice (or retrying after a timeout) opens one case.
let idempotencyKey = newKey();

/** The form as the API's JSON: names are field paths ("reporter.name"); empty fields are left out. */
function eventBody() {
  const body = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    let value = el.value.trim();
    if (!value) continue;
    if (UPPER.has(el.name)) value = value.toUpperCase();
    if (el.name === 'reporter.phone') value = value.replace(/[\s().-]/g, '');
    const path = el.name.split('.');
    let target = body;
    path.slice(0, -1).forEach((part) => { target = target[part] = target[part] || {}; });
    target[path[path.length - 1]] = value;
  }
  return body;
}

function clearFieldErrors() {
  form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  clearProblem($('#report-errors'));
}

function showFieldErrors(err) {
  let first = null;
  for (const { field, message } of fieldErrors(err)) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (slot) slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  const summary = $('#report-errors');
  showProblem(summary, err);
  // 409: several passengers match; list them so the agent can add the given name.
  const candidates = err.problem?.candidates;
  if (Array.isArray(candidates) && candidates.length) {
    summary.append(h('div', {}, t('report.candidates')), h('ul', {}, candidates.map((c) => h('li', {},
      typeof c === 'object' ? Object.values(c).filter((x) => typeof x !== 'object').join(' · ') : String(c)))));
  }
  (first || summary).focus?.();
}

function paintResult() {
  const r = state.result;
  const box = $('#report-result');
  box.hidden = !r;
  if (!r) return;
  box.dataset.caseId = r.id;
  box.dataset.reference = r.reference;
  fill(box, t(r.created ? 'report.created' : 'report.joined', { ref: r.reference }), ' ',
    h('button', { type: 'button', 'data-open-case': r.id }, r.reference));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors();
  state.result = null;
  paintResult();
  const button = $('#report-submit');
  button.disabled = true;
  try {
    const { status, data: view } = await api('/api/v1/events', { method: 'POST', body: eventBody(),
      headers: { 'Idempotency-Key': idempotencyKey }, withStatus: true });
    // 201: a new case; 200: the report joined the passenger's open case (or repeated this one).
    state.result = { created: status === 201, id: view.id, reference: view.reference };
    paintResult();
    form.reset();
    idempotencyKey = newKey(); // the next report is another event
    state.openCase = view.id;
    refreshSoon();
  } catch (err) {
    showFieldErrors(err);
  }
  button.disabled = false;
});

// Correcting a field clears its error.
form.addEventListener('input', (event) => {
  const slot = form.querySelector(`[data-error-for="${CSS.escape(event.target.name || '')}"]`);
  if (slot) slot.textContent = '';
  event.target.removeAttribute('aria-invalid');
});

$('#report-result').addEventListener('click', async (event) => {
  const button = event.target.closest('[data-open-case]');
  if (!button) return;
  state.openCase = button.dataset.openCase;
  await loadDetail().catch((err) => showProblem(problemBox, err));
  $('#case-detail').scrollIntoView({ behavior: 'smooth' });
});

window.addEventListener('paxcare:lang', () => { renderCases(); renderFollowUps(); renderDetail(); paintResult(); });

// ---- start -----------------------------------------------------------------------------------------------------
await refresh();
new Live({ addresses: ['paxcare.caredesk', 'paxcare.cases.plan-done'], onMessage: refreshSoon, onReconnect: refreshSoon })
  .start();
onResume(refreshSoon);
// Follow-ups become overdue with time alone: redraw and re-read every 30 s.
setInterval(() => { if (document.visibilityState === 'visible') refresh(); }, 30000);
