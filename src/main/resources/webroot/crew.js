// Crew: the operational messages for this flight (ACARS-style text) and a one-tap acknowledgement. An
// unacknowledged message is escalated to ops control by the server, so the screen keeps it loud until answered.
import { $, fill, Live, api, clearProblem, clock, dayText, h, onResume, showProblem, startPage, t } from './app.js';

const user = await startPage(['crew', 'ops', 'admin']);
const params = new URLSearchParams(location.search);
const flight = (user.flight || params.get('flight') || '').toUpperCase();
const date = user.date || params.get('date') || '';
const problemBox = $('#crew-problem');
let messages = [];
const problems = new Map();

function paintTitle() {
  $('#flight-title').textContent = flight ? t('crew.flight', { flight, date: dayText(date) }) : t('crew.title');
}

async function load() {
  try {
    const answer = await api(`/api/v1/crew/messages?flight=${encodeURIComponent(flight)}&date=${encodeURIComponent(date)}`);
    messages = answer.messages || [];
    clearProblem(problemBox);
    render();
  } catch (err) {
    showProblem(problemBox, err);
  }
}

function messageEl(m) {
  const box = problems.has(m.id) ? h('div', { class: 'problem', role: 'alert' }) : null;
  if (box) showProblem(box, problems.get(m.id));
  return h('li', { class: `message card${m.acknowledged ? '' : ' unacked'}`, 'data-message-id': m.id,
    'data-acknowledged': String(Boolean(m.acknowledged)) },
  h('div', { class: 'head' }, h('time', { datetime: m.createdAt }, t('crew.received', { time: clock(m.createdAt) })),
    m.escalated && !m.acknowledged ? h('span', { class: 'badge red' }, t('crew.escalated')) : null),
  h('pre', { class: 'acars' }, m.text),
  box,
  h('div', { class: 'actions' }, m.acknowledged
    ? h('span', { class: 'badge green', 'data-state': 'acknowledged' },
      m.acknowledgedBy ? `${t('crew.acknowledged')} · ${m.acknowledgedBy}` : t('crew.acknowledged'))
    : h('button', { type: 'button', class: 'danger', 'data-action': 'ack' }, t('action.ack'))));
}

function render() {
  // Unanswered first, newest first: the crew sees what needs them at the top.
  const sorted = [...messages].sort((a, b) => (Number(a.acknowledged) - Number(b.acknowledged)) || (b.id - a.id));
  fill($('#messages'), ...(sorted.length ? sorted.map(messageEl) : [h('li', { class: 'empty' }, t('crew.none'))]));
}

$('#messages').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action="ack"]');
  const item = button?.closest('.message');
  if (!item) return;
  const id = Number(item.dataset.messageId);
  button.disabled = true;
  try {
    const acked = await api(`/api/v1/crew/messages/${id}/ack`, { method: 'POST' });
    messages = messages.map((m) => (m.id === id ? { ...m, ...acked } : m));
    problems.delete(id);
  } catch (err) {
    problems.set(id, err);
  }
  render();
});

window.addEventListener('paxcare:lang', () => { paintTitle(); render(); });
paintTitle();

if (!flight || !date) {
  showProblem(problemBox, { status: 400, problem: null }, t('crew.needFlight'));
} else {
  await load();
  new Live({ addresses: [`paxcare.crew.${flight}.${date}`], onMessage: load, onReconnect: load }).start();
  onResume(load);
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, 60000);
}
