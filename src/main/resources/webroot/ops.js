// Ops control: counts, flights with open cases, crew messages nobody answered, escalations. The board refreshes
// on every live push and every 15 s, so a missed push costs at most 15 s.
import { $, fill, Live, api, clearProblem, clock, dayText, h, onResume, showProblem, startPage, t, tCode } from './app.js';

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

window.addEventListener('paxcare:lang', render);

await load();
new Live({ addresses: ['paxcare.ops.escalations', 'paxcare.cases.plan-done', 'paxcare.caredesk'],
  onMessage: loadSoon, onReconnect: loadSoon }).start();
onResume(loadSoon);
setInterval(load, 15000);
