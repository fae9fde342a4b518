// Ops control: counts, mass disruptions (progress and the passengers still waiting), flights with open cases, crew
// messages nobody answered, escalations. The board refreshes on every live push and every 15 s, so a missed push
// costs at most 15 s; disruption pushes update their card's counts in place.
import { $, fill, Live, api, clearProblem, clock, dayText, h, onResume, showProblem, startPage, stationDate, stationTime,
  t, tCode } from './app.js';

await startPage(['ops', 'admin']);
const problemBox = $('#ops-problem');
const HOT = new Set(['overdueFollowUps', 'unacknowledgedCrewMessages', 'escalations24h']);
let board = null;
let updatedAt = null;
const problems = new Map();

async function load() {
  try {
    board = await api('/api/v1/ops/board');
    updatedAt = new Date().toISOString();
    clearProblem(problemBox);
    render();
  } catch (err) {
    showProblem(problemBox, err);
  }
}

let timer = null;
/** Escalations and finished plans come in bursts: one read per burst. */
function loadSoon() {
  clearTimeout(timer);
  timer = setTimeout(load, 300);
}

function compact(detail) {
  if (!detail || typeof detail !== 'object') return detail ? String(detail) : '';
  return Object.entries(detail).filter(([, v]) => v !== null && typeof v !== 'object').map(([k, v]) => `${k}: ${v}`)
    .join(' · ').slice(0, 240);
}

function render() {
  if (!board) return;
  $('#updated').textContent = t('ops.updated', { time: clock(updatedAt) });
  document.querySelectorAll('[data-count]').forEach((el) => {
    const n = board.counts?.[el.dataset.count] ?? 0;
    el.textContent = String(n);
    el.closest('.count').classList.toggle('hot', HOT.has(el.dataset.count) && n > 0);
  });
  const flights = board.flights || [];
  fill($('#flights tbody'), ...(flights.length ? flights.map((f) => h('tr', { 'data-flight': f.flight, 'data-date': f.date },
    h('td', {}, h('strong', {}, f.flight)), h('td', {}, dayText(f.date)), h('td', {}, f.origin || ''),
    h('td', {}, f.destination || ''), h('td', {}, h('strong', {}, String(f.openCases)))))
    : [h('tr', {}, h('td', { colspan: '5', class: 'empty' }, t('ops.noFlights')))]));
  const crew = board.unacknowledgedCrewMessages || [];
  fill($('#crew-unacked'), ...(crew.length ? crew.map((m) => {
    const box = problems.has(m.id) ? h('div', { class: 'problem' }) : null;
    if (box) showProblem(box, problems.get(m.id));
    return h('li', { class: 'message card', 'data-message-id': m.id, 'data-case-id': m.caseId },
      h('div', {}, h('strong', {}, `${m.flight} ${m.origin || ''}`), ` · ${dayText(m.date)} · ${t('crew.received', { time: clock(m.createdAt) })} `,
        m.escalated ? h('span', { class: 'badge red' }, t('crew.escalated')) : null),
      h('pre', { class: 'acars' }, m.text), box,
      h('div', { class: 'actions' }, h('button', { type: 'button', 'data-action': 'ack' }, t('action.ack'))));
  }) : [h('li', { class: 'empty' }, t('ops.noCrew'))]));
  const escalations = board.escalations || [];
  fill($('#escalations'), ...(escalations.length ? escalations.map((e) => h('li', { class: 'escalation card',
    'data-case-id': e.caseId, 'data-reason': e.reason },
  h('strong', {}, tCode('esc.', e.reason)), ` · ${t('case')} ${e.reference || ''} · ${clock(e.at)}`,
  compact(e.detail) ? h('div', { class: 'muted' }, compact(e.detail)) : null))
    : [h('li', { class: 'empty' }, t('ops.noEscalations'))]));
}

// Ops may answer for a crew that cannot (e.g. the message was read out over the radio).
$('#crew-unacked').addEventListener('click', async (event) => {
  const item = event.target.closest('button[data-action="ack"]')?.closest('.message');
  if (!item) return;
  const id = Number(item.dataset.messageId);
  item.querySelector('button').disabled = true;
  try {
    await api(`/api/v1/crew/messages/${id}/ack`, { method: 'POST' });
    problems.delete(id);
    await load();
  } catch (err) {
    problems.set(id, err);
    render();
  }
});

// ---- disruptions ------------------------------------------------------------------------------------------------
// One card per disruption of the last 24 h (newest first) with its progress; the newest, or the one clicked, lists
// its passengers still waiting by priority. Pushes carry {id, status, progress}: the card is repainted in place and
// the waiting list re-read at most once a second.
const DISRUPTIONS = 'paxcare.ops.disruptions';
const disruptionProblem = $('#disruptions-problem');
const PROGRESS_KEYS = ['affected', 'reaccommodated', 'keptFlight', 'waitlisted', 'withUrgentCase', 'refunded', 'notified',
  'bagsRerouted', 'toDo'];
const PROGRESS_HOT = new Set(['waitlisted']);
const WAITING_LIMIT = 100;
const dis = { list: null, chosen: null, detail: null, listSeq: 0, detailSeq: 0 };

/** The disruption whose waiting list is shown: the one clicked while it is still listed, else the newest. */
const shownId = () => (dis.list?.some((d) => d.id === dis.chosen) ? dis.chosen : dis.list?.[0]?.id ?? null);
const count = (v) => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));
const route = (f) => [f?.origin, f?.destination].filter(Boolean).join(' → ');

async function loadWaiting() {
  const id = shownId();
  if (!id) {
    dis.detail = null;
    renderWaiting();
    return;
  }
  const seq = ++dis.detailSeq;
  const detail = await api(`/api/v1/disruptions/${encodeURIComponent(id)}`);
  if (seq !== dis.detailSeq || id !== shownId()) return; // a newer read or another choice overtook this one
  dis.detail = detail;
  renderWaiting();
}

async function loadDisruptions() {
  const seq = ++dis.listSeq;
  try {
    const data = await api('/api/v1/disruptions');
    if (seq !== dis.listSeq) return;
    dis.list = data?.disruptions || [];
    clearProblem(disruptionProblem);
    renderDisruptions();
    await loadWaiting();
  } catch (err) {
    if (seq === dis.listSeq) showProblem(disruptionProblem, err);
  }
}

let disruptionsTimer = null;
function disruptionsSoon() {
  clearTimeout(disruptionsTimer);
  disruptionsTimer = setTimeout(loadDisruptions, 300);
}

let waitingTimer = null;
/** A disruption being worked pushes many times a second: re-read its waiting list at most once a second. */
function waitingSoon() {
  if (waitingTimer) return;
  waitingTimer = setTimeout(async () => {
    waitingTimer = null;
    try {
      await loadWaiting();
    } catch (err) {
      showProblem(disruptionProblem, err);
    }
  }, 1000);
}

/** "16:30", or "Thu 26 Nov 16:30" when it is not the day of the scheduled departure. */
function laterTime(iso, scheduled) {
  const day = stationDate(iso);
  return day && day !== stationDate(scheduled) ? `${day} ${stationTime(iso)}` : stationTime(iso);
}

function disruptionCard(d, current) {
  const f = d.flight || {};
  const textId = `disruption-progress-${d.id}`;
  const facts = [
    f.departure ? `${t('departure')} ${stationTime(f.departure)}` : null,
    f.newDeparture ? t('ops.newDeparture', { time: laterTime(f.newDeparture, f.departure) }) : null,
    f.divertedTo ? t('ops.divertedTo', { airport: f.divertedTo }) : null,
    d.raisedBy ? t('ops.raisedBy', { by: d.raisedBy, time: clock(d.createdAt) }) : t('ops.raised', { time: clock(d.createdAt) }),
    d.finishedAt ? t('ops.finished', { time: clock(d.finishedAt) }) : null,
  ].filter(Boolean);
  const card = h('li', { class: 'disruption card', 'data-disruption-id': d.id, 'data-kind': d.kind, 'data-status': d.status,
    'aria-current': current ? 'true' : null },
  h('div', { class: 'head' },
    h('strong', { class: 'flight' }, f.flight || ''), h('span', { class: 'route' }, route(f)),
    h('span', {}, dayText(f.date)),
    h('span', { class: `badge kind ${d.kind === 'FLIGHT_CANCELLED' ? 'red' : 'amber'}` }, tCode('ops.kind.', d.kind)),
    h('span', { class: 'badge dstatus' })),
  h('div', { class: 'muted' }, facts.join(' · ')),
  h('div', { class: 'bar' }, h('progress', { 'aria-labelledby': textId }), h('span', { id: textId, class: 'progress-text' })),
  h('div', { class: 'progress-counts' }, PROGRESS_KEYS.map((key) => h('div', { class: 'pcount' },
    h('strong', { 'data-progress': key }, '–'), h('span', {}, t(`ops.progress.${key}`))))),
  h('div', { class: 'actions' }, h('button', { type: 'button', 'data-action': 'show-waiting', 'aria-controls': 'waiting' },
    t('ops.showWaiting'))));
  paintProgress(card, d);
  return card;
}

/** Status, bar and counts of one card: on every render and, in place, on every push. */
function paintProgress(card, d) {
  const p = d.progress || {};
  const affected = count(p.affected) ?? 0;
  const done = Math.min(affected, Math.max(0, affected - (count(p.toDo) ?? 0)));
  card.dataset.status = d.status || '';
  const badge = card.querySelector('.dstatus');
  badge.className = `badge dstatus ${d.status === 'DONE' ? 'green' : 'amber'}`;
  badge.textContent = tCode('ops.dstatus.', d.status);
  const bar = card.querySelector('progress');
  let text;
  if (affected > 0) {
    bar.max = affected;
    bar.value = done;
    text = t('ops.progressDone', { done, affected, pct: Math.floor((done * 100) / affected) });
  } else if (d.status === 'DONE') {
    bar.max = 1;
    bar.value = 1;
    text = t('ops.dstatus.DONE');
  } else {
    bar.removeAttribute('value'); // indeterminate while the affected passengers are being counted
    text = t('ops.surveying');
  }
  card.querySelector('.progress-text').textContent = text;
  card.querySelectorAll('[data-progress]').forEach((el) => {
    const n = count(p[el.dataset.progress]);
    el.textContent = n === null ? '–' : String(n);
    el.closest('.pcount').classList.toggle('hot', PROGRESS_HOT.has(el.dataset.progress) && n > 0);
  });
}

function renderDisruptions() {
  if (!dis.list) return;
  const focused = document.activeElement?.closest?.('.disruption')?.dataset.disruptionId;
  const shown = shownId();
  fill($('#disruption-list'), ...(dis.list.length ? dis.list.map((d) => disruptionCard(d, d.id === shown))
    : [h('li', { class: 'empty' }, t('ops.noDisruptions'))]));
  if (focused) $(`.disruption[data-disruption-id="${CSS.escape(focused)}"] button`)?.focus();
  renderWaiting();
}

function caseRef(w) {
  const ref = w.caseReference || w.reference;
  if (ref) return h('span', { class: 'case-ref', 'data-case-id': w.caseId }, ref);
  // The care desk has no address that opens one case: show the case's id (short; whole on hover).
  return w.caseId ? h('span', { class: 'case-ref', 'data-case-id': w.caseId, title: w.caseId }, String(w.caseId).slice(0, 8)) : '';
}

function waitingRow(w) {
  const waitlisted = w.status === 'WAITLISTED';
  return h('tr', { 'data-rank': w.rank, 'data-pnr': w.pnr, 'data-passenger-id': w.passengerId, 'data-group': w.group,
    'data-status': w.status, 'data-case-id': w.caseId },
  h('td', { class: 'rank' }, String(w.rank ?? '')),
  h('td', {}, h('strong', {}, w.name || '')),
  h('td', { class: 'pnr' }, w.pnr || ''),
  h('td', { class: 'priority' }, h('span', { class: `badge${w.group === 1 ? ' red' : ''}`, title: t('ops.group', { n: w.group ?? '' }) },
    String(w.group ?? '')), ' ', h('strong', {}, tCode('ops.group.', w.group)), w.reason ? h('div', { class: 'muted' }, w.reason) : null),
  h('td', {}, waitlisted ? h('span', { class: 'badge amber' }, w.waitlistPosition
    ? t('ops.waitlistedAt', { n: w.waitlistPosition }) : t('ops.wait.WAITLISTED')) : tCode('ops.wait.', w.status)),
  h('td', {}, caseRef(w)));
}

function renderWaiting() {
  const id = shownId();
  const d = dis.list?.find((x) => x.id === id);
  const layout = $('.disruption-layout');
  $('#disruption-detail').hidden = !d;
  layout.dataset.detail = String(Boolean(d));
  const table = $('#waiting');
  const more = $('#waiting-more');
  if (!d) {
    delete table.dataset.disruptionId;
    fill(table.tBodies[0]);
    more.hidden = true;
    return;
  }
  table.dataset.disruptionId = d.id;
  fill($('#waiting-title'), t('ops.waiting'), ' · ', h('strong', {}, `${d.flight?.flight || ''} ${route(d.flight)}`));
  const detail = dis.detail?.id === id ? dis.detail : null;
  const rows = detail?.waiting || [];
  const note = (text) => h('tr', {}, h('td', { colspan: '6', class: 'empty' }, text));
  let body;
  if (!detail) body = [note(t('loading'))];
  else if (rows.length) body = rows.map(waitingRow);
  else body = [note(t(detail.status === 'SURVEYING' ? 'ops.surveying' : 'ops.allReaccommodated'))];
  fill(table.tBodies[0], ...body);
  // At most WAITING_LIMIT come back: say so when more are waiting.
  const total = (count(detail?.progress?.toDo) ?? 0) + (count(detail?.progress?.waitlisted) ?? 0);
  more.hidden = !(rows.length >= WAITING_LIMIT && total > rows.length);
  more.textContent = more.hidden ? '' : t('ops.moreWaiting', { shown: rows.length, total });
}

$('#disruption-list').addEventListener('click', async (event) => {
  const card = event.target.closest('.disruption');
  if (!card) return;
  const id = card.dataset.disruptionId;
  const wasShown = id === shownId();
  dis.chosen = id;
  document.querySelectorAll('.disruption').forEach((el) => {
    if (el.dataset.disruptionId === id) el.setAttribute('aria-current', 'true');
    else el.removeAttribute('aria-current');
  });
  if (!wasShown) renderWaiting();
  if (event.target.closest('button') && window.matchMedia('(max-width: 1099px)').matches) {
    $('#disruption-detail').scrollIntoView({ behavior: 'smooth' });
  }
  try {
    await loadWaiting();
    clearProblem(disruptionProblem);
  } catch (err) {
    showProblem(disruptionProblem, err);
  }
});

function onDisruptionPush(body) {
  const d = dis.list?.find((x) => x.id === body?.id);
  if (!d) { // a new disruption, or the list is not read yet
    disruptionsSoon();
    return;
  }
  const finished = body.status === 'DONE' && d.status !== 'DONE';
  if (body.status) d.status = body.status;
  if (body.progress && typeof body.progress === 'object') d.progress = { ...d.progress, ...body.progress };
  const card = $(`.disruption[data-disruption-id="${CSS.escape(d.id)}"]`);
  if (card) paintProgress(card, d);
  if (finished) disruptionsSoon(); // for finishedAt
  if (d.id === shownId()) waitingSoon();
}

window.addEventListener('paxcare:lang', () => { render(); renderDisruptions(); });

await Promise.all([load(), loadDisruptions()]);
new Live({ addresses: ['paxcare.ops.escalations', 'paxcare.cases.plan-done', 'paxcare.caredesk', DISRUPTIONS],
  onMessage: (address, body) => (address === DISRUPTIONS ? onDisruptionPush(body) : loadSoon()),
  onReconnect: () => { loadSoon(); disruptionsSoon(); } }).start();
onResume(() => { loadSoon(); disruptionsSoon(); });
setInterval(() => { load(); loadDisruptions(); }, 15000);
