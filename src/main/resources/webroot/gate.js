// Gate tablet: the station's alerts (recall first and loud), today's departures, and what the agent reports back
// (found, deplaned, bag offloaded, voucher handed over). Alerts come live; after any gap the tablet reads what it
// missed with alerts?after=<last seen id>, so nothing raised while it slept is lost.
import { $, fill, Live, api, clearProblem, clock, dayText, h, money, onResume, showProblem, startPage, stationDate,
  stationTime, t, tCode, telLink, today } from './app.js';

const user = await startPage(['gate', 'ops', 'admin']);
const station = (user.station || new URLSearchParams(location.search).get('station') || '').toUpperCase();
const GATE_KEY = 'paxcare.gate.selected';
const KIND_RANK = { RECALL: 0, BAG_OFFLOAD: 1, MEET_ON_ARRIVAL: 2, CARE: 3 };
const MAX_SHOWN = 100;

const state = {
  flights: [],
  alerts: new Map(), // id -> alert
  cases: new Map(), // caseId -> case view
  problems: new Map(), // alert id -> failed action
  cursor: '', // where the last catch-up read stopped (the API's 'next'): no alert is ever behind it unread
  gate: localStorage.getItem(GATE_KEY) || '*',
  boardingCase: null,
};

const problemBox = $('#gate-problem');

// ---- sound: a short beep and a buzz for a new recall (browsers may refuse before a first touch; that is fine) --
let audio = null;
function beep() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
    const start = audio.currentTime;
    [0, 0.3].forEach((offset) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'square';
      tone.frequency.value = 880;
      gain.gain.value = 0.25;
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.18);
    });
  } catch { /* no audio on this device */ }
  try { navigator.vibrate?.([300, 150, 300]); } catch { /* no vibration */ }
}
// Unlock audio on the first touch so later alerts can sound.
document.addEventListener('pointerdown', () => { try { audio = audio || new AudioContext(); audio.resume(); } catch { /* ignore */ } },
  { once: true });

// ---- data ------------------------------------------------------------------------------------------------------
async function loadFlights() {
  // The tablet's date and the UTC date may differ around midnight: ask for both, keep each flight once.
  const dates = [...new Set([today(), new Date().toISOString().slice(0, 10)])];
  const found = new Map();
  for (const date of dates) {
    const { flights } = await api(`/api/v1/flights?date=${date}&origin=${station}`);
    flights.forEach((f) => found.set(`${f.flight}/${f.date}`, f));
  }
  state.flights = [...found.values()].sort((a, b) => Date.parse(a.departure) - Date.parse(b.departure));
  renderGateOptions();
  renderFlights();
}

/** Stores an alert (a push, an ack answer or a page of the catch-up) and says whether it is new to this tablet. */
function merge(alert) {
  const known = state.alerts.get(alert.id);
  state.alerts.set(alert.id, { ...known, ...alert });
  if (!known) loadCase(alert.caseId).catch(() => {});
  return !known;
}

let catching = null;
/** Reads every alert after the cursor (pages of 500, in the order they were committed). */
function catchUp() {
  if (catching) return catching;
  catching = (async () => {
    let fresh = false;
    for (let page = 0; page < 20; page++) {
      const { alerts, next } = await api(`/api/v1/gates/${station}/*/alerts?after=${encodeURIComponent(state.cursor)}`);
      alerts.forEach((a) => {
        if (merge(a) && a.kind === 'RECALL' && !a.acknowledged) fresh = true;
      });
      state.cursor = next || state.cursor;
      if (alerts.length < 500) break;
    }
    clearProblem(problemBox);
    render();
    if (fresh) beep();
  })().catch((err) => showProblem(problemBox, err)).finally(() => { catching = null; });
  return catching;
}

const loading = new Map();
function loadCase(caseId, fresh = false) {
  if (!fresh && state.cases.has(caseId)) return Promise.resolve(state.cases.get(caseId));
  if (!loading.has(caseId)) {
    loading.set(caseId, api(`/api/v1/cases/${caseId}`).then((view) => { setCase(view); return view; })
      .finally(() => loading.delete(caseId)));
  }
  return loading.get(caseId);
}

function setCase(view) {
  state.cases.set(view.id, view);
  scheduleRender();
  if (state.boardingCase === view.id) paintBoardingPass();
}

// ---- what is shown ---------------------------------------------------------------------------------------------
function shownAlerts() {
  return [...state.alerts.values()]
    .filter((a) => state.gate === '*' || a.gate === '*' || a.gate === state.gate)
    // Unanswered recalls on top, then newest first.
    .sort((a, b) => (urgent(b) - urgent(a)) || (b.id - a.id))
    .slice(0, MAX_SHOWN);
}

const urgent = (a) => (a.kind === 'RECALL' && !a.acknowledged ? 1 : 0);

/** One alert per case carries the case's actions and bags, so each button and bag appears once on screen. */
function primaryAlerts(alerts) {
  const best = new Map();
  for (const a of alerts) {
    const current = best.get(a.caseId);
    const rank = (x) => KIND_RANK[x.kind] ?? 9;
    if (!current || rank(a) < rank(current) || (rank(a) === rank(current) && a.id > current.id)) best.set(a.caseId, a);
  }
  return new Set([...best.values()].map((a) => a.id));
}

const INSTRUCTIONS = {
  'Stop the passenger at the gate; do not board her': 'instr.gate',
  'Passenger is on board: bring her off before the door closes; do not close the door': 'instr.onboard',
  'Aircraft is being asked to return to the gate: meet the passenger at the door': 'instr.return',
};

/** The server writes instructions in English; the tablet says them in the agent's language. */
function instruction(a) {
  if (INSTRUCTIONS[a.instruction]) return t(INSTRUCTIONS[a.instruction]);
  if (a.kind === 'MEET_ON_ARRIVAL') return t('instr.meet', { flight: a.flight || '', time: stationTime(a.arrival) });
  if (a.kind === 'BAG_OFFLOAD') return t('instr.offload', { n: a.bags ?? a.tags?.length ?? '' });
  const voucher = /meal voucher (\S+) (\S+) \((\w+)\)/.exec(a.instruction || '');
  if (a.kind === 'CARE' && voucher) return t('instr.care', { amount: money(voucher[2], voucher[1]), code: voucher[3] });
  return a.instruction || '';
}

function renderGateOptions() {
  const select = $('#gate-select');
  const gates = [...new Set(state.flights.map((f) => f.gate).filter(Boolean))]
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  if (state.gate !== '*' && !gates.includes(state.gate)) gates.push(state.gate);
  select.replaceChildren(h('option', { value: '*' }, t('gate.all')),
    ...gates.map((g) => h('option', { value: g }, `${t('gate')} ${g}`)));
  select.value = state.gate;
}

function renderFlights() {
  const flights = state.flights.filter((f) => state.gate === '*' || f.gate === state.gate);
  if (!flights.length) {
    fill($('#flights'), h('p', { class: 'empty' }, t('gate.noFlights')));
    return;
  }
  fill($('#flights'), h('table', {},
    h('thead', {}, h('tr', {}, ['flight', 'to', 'departure', 'gate', 'status'].map((k) => h('th', {}, t(k))))),
    h('tbody', {}, flights.map((f) => h('tr', { 'data-flight': f.flight, 'data-gate': f.gate || '' },
      h('td', {}, h('strong', {}, f.flight)), h('td', {}, f.destination), h('td', {}, stationTime(f.departure)),
      h('td', {}, f.gate || '—'), h('td', {}, tCode('fs.', f.status)))))));
}

function bagEl(bag) {
  const last = bag.route?.[bag.route.length - 1];
  return h('div', { class: 'bag', 'data-tag': bag.tag, 'data-status': bag.status },
    h('strong', {}, t('bag', { tag: bag.tag })),
    h('span', { class: 'status' }, tCode('bag.', bag.status)),
    bag.status === 'REROUTED' && last ? h('span', {}, t('bag.goesTo', { dest: last.destination })) : null,
    bag.status === 'TO_OFFLOAD' ? h('button', { type: 'button', 'data-action': 'offloaded', 'data-tag': bag.tag, class: 'danger' },
      t('action.offloaded')) : null);
}

function caseActions(a, view) {
  const voucher = view?.care?.find((c) => c.kind === 'MEAL_VOUCHER');
  const pressed = (status) => String(view?.recall === status);
  return [
    a.kind === 'RECALL' || a.kind === 'MEET_ON_ARRIVAL'
      ? h('button', { type: 'button', 'data-action': 'found', 'aria-pressed': pressed('FOUND') }, t('action.found')) : null,
    a.kind === 'RECALL'
      ? h('button', { type: 'button', 'data-action': 'deplaned', 'aria-pressed': pressed('DEPLANED') }, t('action.deplaned')) : null,
    h('button', { type: 'button', 'data-action': 'boarding-pass' }, t('action.boardingPass')),
    h('button', { type: 'button', 'data-action': 'meal-voucher', disabled: Boolean(voucher?.handedOverAt) },
      voucher?.handedOverAt ? t('voucher.handedOver') : t('action.mealVoucher')),
  ];
}

function alertEl(a, primary) {
  const view = state.cases.get(a.caseId);
  const loud = urgent(a) === 1;
  const voucher = view?.care?.find((c) => c.kind === 'MEAL_VOUCHER');
  const problem = state.problems.get(a.id);
  const box = problem ? h('div', { class: 'problem', role: 'alert' }) : null;
  if (box) showProblem(box, problem);
  return h('article', { class: `alert${loud ? ' urgent' : ''}${a.acknowledged ? ' acked' : ''}`, 'data-alert-id': a.id,
    'data-case-id': a.caseId, 'data-kind': a.kind, 'data-acknowledged': String(Boolean(a.acknowledged)) },
  h('div', { class: 'head' },
    h('span', { class: 'kind' }, tCode('kind.', a.kind)),
    a.flight ? h('span', {}, `${t('flight')} ${a.flight}`) : null,
    h('span', {}, `${t('gate')} ${a.gate === '*' ? t('alert.wholeStation') : a.gate}`),
    h('span', {}, t('alert.raised', { time: clock(a.createdAt) }))),
  h('div', { class: 'who' }, a.passenger || '', a.seat ? ` · ${t('seat')} ${a.seat}` : ''),
  h('div', {}, `${t('reason')}: ${tCode('type.', a.reason)}`, a.caseReference ? ` · ${t('case')} ${a.caseReference}` : ''),
  h('p', { class: 'instruction' }, instruction(a)),
  a.note ? h('p', {}, `${t('note')}: ${a.note}`) : null,
  a.call ? h('p', { class: 'call' }, `${t('alert.call')}: `, h('strong', {}, a.call.name || ''),
    a.call.relation ? ` (${tCode('rel.', a.call.relation)}) ` : ' ', telLink(a.call.phone)) : null,
  primary && view?.recall ? h('p', {}, h('span', { class: 'badge' }, tCode('recall.', view.recall))) : null,
  primary && voucher ? h('p', {}, t('voucher.text', { amount: money(voucher.amount, voucher.currency), code: voucher.code })) : null,
  box,
  h('div', { class: 'actions' },
    a.acknowledged ? h('span', { class: 'badge' }, t('alert.ackedBy', { by: a.acknowledgedBy || '' }))
      : h('button', { type: 'button', 'data-action': 'ack', class: 'primary' }, t('action.ack')),
    primary ? caseActions(a, view) : null),
  primary && view?.bags?.length ? h('div', { class: 'bags' }, h('h3', {}, t('bags')), view.bags.map(bagEl)) : null,
  primary ? null : h('p', { class: 'muted' }, t('alert.sameCase')));
}

function render() {
  const alerts = shownAlerts();
  const primary = primaryAlerts(alerts);
  fill($('#alerts'), ...(alerts.length ? alerts.map((a) => alertEl(a, primary.has(a.id)))
    : [h('p', { class: 'empty' }, t('gate.noAlerts'))]));
}

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  setTimeout(() => { renderQueued = false; render(); }, 0);
}

// ---- boarding pass ---------------------------------------------------------------------------------------------
function dl(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

function paintBoardingPass() {
  const view = state.cases.get(state.boardingCase);
  if (!view) return;
  const r = view.rebooking;
  const legs = r?.itinerary || [];
  const name = `${view.passenger?.firstName || ''} ${view.passenger?.lastName || ''}`.trim();
  const gateOf = (leg) => leg.gate || state.flights.find((f) => f.flight === leg.flight && f.date === leg.date
    && f.origin === leg.origin)?.gate;
  fill($('#boarding-pass-body'),
    h('p', { class: 'big' }, name),
    h('p', {}, `${t('case')} ${view.reference || ''}`),
    ...(legs.length && r.found !== false ? [
      ...legs.map((leg) => h('div', { class: 'leg', 'data-flight': leg.flight }, dl([
        ['flight', h('strong', { class: 'big' }, leg.flight)],
        ['date', stationDate(leg.departure) || dayText(leg.date)],
        ['from', leg.origin], ['to', leg.destination],
        ['departure', stationTime(leg.departure)],
        ['boarding', leg.boardingTime ? stationTime(leg.boardingTime) : stationTime(leg.departure, 30)],
        ['seat', h('strong', { class: 'big' }, leg.seat || t('tba'))],
        ['gate', h('strong', { class: 'big' }, gateOf(leg) || t('tba'))],
      ]))),
      dl([['ticket', r.reissue?.newTicket || r.ticket || '—']]),
      r.priorityBoarding ? h('p', {}, h('strong', {}, t('bp.priority'))) : null,
      h('p', {}, t('bp.noCharge')),
    ] : [h('p', { class: 'big' }, t('bp.none'))]));
}

async function openBoardingPass(caseId) {
  state.boardingCase = caseId;
  await loadCase(caseId, true); // the rebooking may have finished since the alert came in
  paintBoardingPass();
  const dialog = $('#boarding-pass');
  if (!dialog.open) {
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
  }
}

$('#close-boarding-pass').addEventListener('click', () => {
  const dialog = $('#boarding-pass');
  if (dialog.close) dialog.close(); else dialog.removeAttribute('open');
});
$('#boarding-pass').addEventListener('close', () => { state.boardingCase = null; });

// ---- actions ---------------------------------------------------------------------------------------------------
async function act(button, alert) {
  const id = alert.dataset.alertId;
  const caseId = alert.dataset.caseId;
  const post = (path, body) => api(path, { method: 'POST', body });
  button.disabled = true;
  try {
    switch (button.dataset.action) {
      case 'ack': merge(await post(`/api/v1/gates/alerts/${id}/ack`)); break;
      case 'found': setCase(await post(`/api/v1/cases/${caseId}/recall`, { status: 'FOUND' })); break;
      case 'deplaned': setCase(await post(`/api/v1/cases/${caseId}/recall`, { status: 'DEPLANED' })); break;
      case 'meal-voucher': setCase(await post(`/api/v1/cases/${caseId}/meal-voucher/issue`)); break;
      case 'offloaded':
        setCase(await post(`/api/v1/cases/${caseId}/bags/${encodeURIComponent(button.dataset.tag)}/offloaded`)); break;
      case 'boarding-pass': await openBoardingPass(caseId); break;
      default: break;
    }
    state.problems.delete(Number(id));
  } catch (err) {
    state.problems.set(Number(id), err);
  }
  button.disabled = false;
  render();
}

$('#alerts').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  const alert = button?.closest('.alert');
  if (button && alert) act(button, alert);
});

$('#gate-select').addEventListener('change', (event) => {
  state.gate = event.target.value;
  localStorage.setItem(GATE_KEY, state.gate);
  renderFlights();
  render();
});

window.addEventListener('paxcare:lang', () => {
  renderGateOptions();
  renderFlights();
  render();
  paintBoardingPass();
});

// ---- start -----------------------------------------------------------------------------------------------------
if (!station) {
  showProblem(problemBox, { status: 400, problem: null }, t('gate.needStation'));
} else {
  const paintTitle = () => { $('#station-title').textContent = t('gate.station', { s: station }); };
  paintTitle();
  window.addEventListener('paxcare:lang', paintTitle);
  render();
  loadFlights().catch((err) => showProblem(problemBox, err));
  await catchUp();
  new Live({
    addresses: [`paxcare.station.${station}`],
    onMessage: (address, body) => {
      if (body && body.id) {
        const fresh = merge(body);
        if (fresh && body.kind === 'RECALL' && !body.acknowledged) beep();
        loadCase(body.caseId, true).catch(() => {});
        scheduleRender();
      }
      catchUp(); // advances the cursor, picking up anything committed out of order
    },
    onReconnect: () => { catchUp(); loadFlights().catch(() => {}); },
  }).start();
  onResume(() => catchUp());
  // An unanswered recall keeps calling for attention.
  setInterval(() => { if (shownAlerts().some((a) => urgent(a))) beep(); }, 20000);
  // A push can be lost with the node that was to send it (it died between storing the alert and publishing it):
  // read what is new now and then anyway, so no alert waits for the next push.
  setInterval(() => catchUp(), 15000);
  // Cases move on without a push to the gate (rebooked, bags rerouted): refresh the ones on screen.
  setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    [...primaryAlerts(shownAlerts())].slice(0, 20)
      .forEach((id) => loadCase(state.alerts.get(id).caseId, true).catch(() => {}));
  }, 30000);
  setInterval(() => loadFlights().catch(() => {}), 300000);
}
