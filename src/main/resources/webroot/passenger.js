// The passenger's own trip after PaxCare stepped in: what happened to her flight and what she is owed, new
// flights, seat, boarding time, gate, bags, voucher, waiting area, and the plain statement that nothing is charged.
// Where a rule gives her the choice, she can ask for a refund instead (two clicks: ask, then confirm).
// Shown in the booking's language unless the passenger pressed the language button.
import { $, fill, api, clearProblem, dayText, h, lang, langChosen, money, onResume, setConnection, setLang, showProblem,
  startPage, stationDate, stationTime, t, tCode } from './app.js';

await startPage(['passenger']);
const BOARDING_MINUTES = 30; // when the feed gives no boarding time, boarding opens 30 min before departure
let trip = null;
/** The refund choice: idle (the button), confirm (asked once, waiting for the second click), busy (sent). */
const refund = { step: 'idle', result: null };

async function load() {
  try {
    trip = await api('/api/v1/passenger/trip');
    setConnection('online');
    clearProblem($('#pax-problem'));
    if (!langChosen() && trip.language) setLang(trip.language, false); // re-renders through paxcare:lang
    render();
  } catch (err) {
    setConnection('offline');
    showProblem($('#pax-problem'), err);
  }
}

/** The case that changed the trip most recently (cases come oldest first). */
function currentCase() {
  const cases = trip?.cases || [];
  return [...cases].reverse().find((c) => c.rebooking?.itinerary?.length) || cases[cases.length - 1] || null;
}

const boarding = (leg) => (leg.boardingTime ? stationTime(leg.boardingTime) : stationTime(leg.departure, BOARDING_MINUTES));

// ---- disruptions ---------------------------------------------------------------------------------------------
const known = (key) => t(key) !== key;
/** "EU261+AIRLINE" → "EU 261 + our service plan". */
const ruleName = (rule) => (rule ? String(rule).split('+').map((r) => tCode('rule.', r)).join(' + ') : '');
// Of the rules, only EU 261 pays compensation for a delay or cancellation (US DOT and our own plan pay none).
const compensationRule = (rule) => (String(rule || '').split('+').includes('EU261') ? t('rule.EU261') : ruleName(rule));
const wholeAmount = (amount, currency) => `${Number(amount).toLocaleString(lang())} ${currency || ''}`.trim();
const careOf = (c, kind) => (c.care || []).find((x) => x.kind === kind);
const legLine = (leg) => `${leg.flight} · ${leg.origin} → ${leg.destination} · ${stationDate(leg.departure)} `
  + `${stationTime(leg.departure)}`;

/** Every disruption of every case, oldest first; the last one is what a refund applies to. */
const allDisruptions = () => (trip?.cases || []).flatMap((c) => (c.disruptions || []).map((d) => ({ c, d })));

/** The new flights of this disruption, when the case's rebooking is the one it made. */
function legsOf(c, d) {
  const r = c.rebooking;
  if (!r || r.found === false || !r.itinerary?.length) return [];
  return !r.disruption || r.disruption === d.id ? r.itinerary : [];
}

function happened(d) {
  const vars = { flight: d.flight || '', date: dayText(d.date) };
  return known(`pax.d.${d.kind}`) ? t(`pax.d.${d.kind}`, vars) : t('pax.d.other', vars);
}

function outcome(c, d) {
  const legs = legsOf(c, d);
  const departure = d.newDeparture || d.departure; // given when the server knows the delayed flight's new time
  let text;
  switch (d.status) {
    case 'REACCOMMODATED':
      text = legs.length ? t(legs.length > 1 ? 'pax.o.REACCOMMODATEDn' : 'pax.o.REACCOMMODATED') : t('pax.o.moved');
      break;
    case 'KEPT_FLIGHT':
      text = departure ? t('pax.o.keptAt', { time: stationTime(departure), date: stationDate(departure) })
        : t('pax.o.kept', { flight: d.flight || '' });
      break;
    case 'WAITLISTED': {
      const n = d.waitlistPosition ?? c.rebooking?.waitlistPosition;
      text = n !== null && n !== undefined ? t('pax.o.WAITLISTED', { n }) : t('pax.o.waitlisted');
      break;
    }
    default:
      text = known(`pax.o.${d.status}`) ? t(`pax.o.${d.status}`) : '';
  }
  return h('div', { class: 'outcome', 'data-status': d.status },
    text ? h('p', { class: 'outcome-text' }, text) : null,
    (d.status === 'REACCOMMODATED' || d.status === 'WITH_URGENT_CASE') && legs.length
      ? h('ul', { class: 'plain new-flights' }, legs.map((leg) => h('li', { 'data-flight': leg.flight }, legLine(leg))))
      : null);
}

function rights(c, d) {
  const r = d.rights;
  if (!r) return null;
  const items = [];
  if (r.meals) {
    const voucher = careOf(c, 'MEAL_VOUCHER');
    items.push(voucher ? ['voucher', t('pax.r.voucher', { amount: money(voucher.amount, voucher.currency), code: voucher.code })]
      : ['meals', t('pax.r.meals')]);
  }
  if (r.hotel) {
    const hotel = careOf(c, 'HOTEL');
    items.push(['hotel', hotel?.station ? t('pax.r.hotelAt', { station: hotel.station }) : t('pax.r.hotel')]);
  }
  if (r.communication) items.push(['communication', t('pax.r.communication')]);
  if (Number(r.compensation) > 0) {
    items.push(['compensation', t('pax.r.compensation', { amount: wholeAmount(r.compensation, r.currency),
      rule: compensationRule(r.rule) })]);
  }
  if (r.refund && d.status !== 'REFUNDED') items.push(['refund', t('pax.r.refund')]);
  return h('div', { class: 'rights', 'data-rule': r.rule || '' },
    items.length ? [h('p', { class: 'rights-head' }, r.rule ? t('pax.rights', { rule: ruleName(r.rule) }) : t('pax.rightsNoRule')),
      h('ul', { class: 'rights-list' }, items.map(([right, text]) => h('li', { 'data-right': right }, text)))]
      : h('p', { class: 'muted' }, t('pax.r.none')));
}

function renderDisruptions() {
  const list = allDisruptions();
  $('#disruption').hidden = !list.length;
  // Newest first: what happened last is what she needs to read.
  fill($('#disruptions'), [...list].reverse().map(({ c, d }) => h('article', { class: 'pax-disruption card',
    'data-disruption-id': d.id, 'data-case-id': c.id, 'data-kind': d.kind, 'data-status': d.status },
  h('p', { class: 'what' }, happened(d)), outcome(c, d), rights(c, d))));
  renderRefund(list.length ? list[list.length - 1].d : null);
}

function renderRefund(latest) {
  const box = $('#refund-box');
  const offered = Boolean(latest?.rights?.refund) && latest.status !== 'REFUNDED';
  box.hidden = !offered;
  if (!offered) {
    refund.step = 'idle';
    fill(box);
  } else if (refund.step === 'idle') {
    fill(box, h('button', { id: 'refund', type: 'button', onclick: askRefund }, t('pax.refund')));
  } else {
    const busy = refund.step === 'busy';
    fill(box, h('p', { id: 'refund-ask', tabindex: '-1' }, t('pax.refundAsk')),
      h('div', { class: 'actions' },
        h('button', { id: 'refund-confirm', type: 'button', class: 'danger', disabled: busy, onclick: confirmRefund },
          t('pax.refundConfirm')),
        h('button', { id: 'refund-cancel', type: 'button', disabled: busy, onclick: cancelRefund }, t('pax.refundCancel'))));
  }
  const done = refund.result;
  $('#refund-result').hidden = !done;
  $('#refund-result').textContent = done ? t('pax.refunded', { amount: money(done.amount, done.currency) })
    + (done.rule ? ` (${ruleName(done.rule)})` : '') : '';
}

function askRefund() {
  refund.step = 'confirm';
  clearProblem($('#refund-problem'));
  render();
  $('#refund-ask')?.focus();
}

function cancelRefund() {
  refund.step = 'idle';
  render();
  $('#refund')?.focus();
}

async function confirmRefund() {
  if (refund.step !== 'confirm') return;
  refund.step = 'busy';
  render();
  try {
    // 201 the first time, 200 with the same refund when it was already given.
    refund.result = await api('/api/v1/passenger/refund', { method: 'POST', body: {} });
    clearProblem($('#refund-problem'));
  } catch (err) {
    showProblem($('#refund-problem'), err, err.status === 409 ? t('pax.refundNo') : undefined);
  }
  refund.step = 'idle';
  render();
  await load();
  $('#refund-result').hidden || $('#refund-result').focus?.();
}

function render() {
  if (!trip) return;
  const c = currentCase();
  $('#no-case').hidden = Boolean(c);
  $('#no-case').textContent = t('pax.noCase');
  $('#trip').hidden = !c;
  $('#greeting').textContent = c ? tCode('pax.care.', c.type).replace(/^[A-Z_]+$/, '') : '';
  $('#reference').textContent = c ? t('pax.ref', { ref: c.reference }) : '';
  if (!c) return;
  renderDisruptions();
  const r = c.rebooking;
  const latest = (c.disruptions || [])[(c.disruptions || []).length - 1];
  const refunded = latest?.status === 'REFUNDED';
  // A refund cancelled her flights: the rebooking she had is no longer hers.
  const legs = !refunded && r?.found !== false ? r?.itinerary || [] : [];
  const first = legs[0];
  let noFlights = h('p', {}, t('pax.searching'));
  if (refunded) noFlights = h('p', { id: 'no-flights', 'data-reason': 'REFUNDED' }, t('pax.refundedTrip'));
  else if (latest?.status === 'KEPT_FLIGHT') noFlights = h('p', { id: 'no-flights', 'data-reason': 'KEPT_FLIGHT' }, outcome(c, latest).textContent);
  else if (latest?.status === 'WAITLISTED' || r?.waitlisted) {
    const n = latest?.waitlistPosition ?? r?.waitlistPosition;
    noFlights = h('p', { id: 'no-flights', 'data-reason': 'WAITLISTED' },
      n !== null && n !== undefined ? t('pax.o.WAITLISTED', { n }) : t('pax.o.waitlisted'));
  }
  fill($('#itinerary'), legs.length
    ? h('ol', { class: 'plain' }, legs.map((leg) => h('li', { class: 'leg card', 'data-flight': leg.flight },
      h('div', { class: 'big' }, `${leg.flight} · ${leg.origin} → ${leg.destination}`),
      h('div', {}, `${stationDate(leg.departure)} · ${t('departure')} ${stationTime(leg.departure)} · `,
        t('pax.arrives', { time: stationTime(leg.arrival) })),
      h('div', {}, `${t('seat')} ${leg.seat || t('tba')} · ${t('gate')} ${leg.gate || t('tba')} · ${t('boarding')} ${boarding(leg)}`))))
    : noFlights);
  // No new flight to board (refunded, or she keeps her own): seat, boarding time and gate have nothing to say.
  const nothingToBoard = !legs.length && (refunded || latest?.status === 'KEPT_FLIGHT');
  ['#seat', '#boarding-time', '#gate'].forEach((id) => { $(id).closest('section').hidden = nothingToBoard; });
  $('#seat').textContent = !first ? t('tba') : legs.length === 1 ? (first.seat || t('tba'))
    : legs.map((leg) => `${leg.flight}: ${leg.seat || t('tba')}`).join(' · ');
  $('#boarding-time').textContent = first ? `${boarding(first)} · ${stationDate(first.boardingTime || first.departure)}` : t('tba');
  $('#priority').textContent = r?.priorityBoarding ? t('pax.priority') : '';
  $('#gate').textContent = first?.gate || t('tba');
  const bags = c.bags || [];
  fill($('#bags'), ...(bags.length ? bags.map((bag) => {
    const dest = bag.route?.[bag.route.length - 1]?.destination || first?.destination || '';
    // An offloaded bag's route is still the old flight's: do not tell her it goes there.
    const text = bag.status === 'TO_OFFLOAD' ? t('pax.bagOff', { tag: bag.tag })
      : bag.status === 'OFFLOADED' ? t('pax.bagOffDone', { tag: bag.tag }) : t('pax.bagGoes', { tag: bag.tag, dest });
    return h('li', { class: 'bag', 'data-tag': bag.tag, 'data-status': bag.status }, text);
  }) : [h('li', { class: 'empty' }, t('pax.noBags'))]));
  const voucher = (c.care || []).find((x) => x.kind === 'MEAL_VOUCHER');
  $('#voucher').textContent = voucher ? t('pax.voucherText', { amount: money(voucher.amount, voucher.currency), code: voucher.code })
    : t('pax.noVoucher');
  const area = (c.care || []).find((x) => x.kind === 'WAITING_AREA');
  $('#waiting-area').textContent = area ? t('pax.waitingAreaText', { station: area.station }) : t('pax.noWaitingArea');
  // PaxCare never charges for these changes (the database refuses a charge on the reissue): say so plainly.
  $('#no-charge').textContent = t('pax.noCharge');
}

window.addEventListener('paxcare:lang', render);
await load();
onResume(load);
setInterval(() => { if (document.visibilityState === 'visible') load(); }, 60000);
