// The passenger's own trip after PaxCare stepped in: new flights, seat, boarding time, gate, bags, voucher,
// waiting area, and the plain statement that nothing is charged. Shown in the booking's language unless the
// passenger pressed the language button.
import { $, fill, api, clearProblem, h, langChosen, money, onResume, setConnection, setLang, showProblem, startPage,
  stationDate, stationTime, t, tCode } from './app.js';

await startPage(['passenger']);
const BOARDING_MINUTES = 30; // when the feed gives no boarding time, boarding opens 30 min before departure
let trip = null;

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

function render() {
  if (!trip) return;
  const c = currentCase();
  $('#no-case').hidden = Boolean(c);
  $('#no-case').textContent = t('pax.noCase');
  $('#trip').hidden = !c;
  $('#greeting').textContent = c ? tCode('pax.care.', c.type).replace(/^[A-Z_]+$/, '') : '';
  $('#reference').textContent = c ? t('pax.ref', { ref: c.reference }) : '';
  if (!c) return;
  const r = c.rebooking;
  const legs = r?.found !== false ? r?.itinerary || [] : [];
  const first = legs[0];
  fill($('#itinerary'), legs.length
    ? h('ol', { class: 'plain' }, legs.map((leg) => h('li', { class: 'leg card', 'data-flight': leg.flight },
      h('div', { class: 'big' }, `${leg.flight} · ${leg.origin} → ${leg.destination}`),
      h('div', {}, `${stationDate(leg.departure)} · ${t('departure')} ${stationTime(leg.departure)} · `,
        t('pax.arrives', { time: stationTime(leg.arrival) })),
      h('div', {}, `${t('seat')} ${leg.seat || t('tba')} · ${t('gate')} ${leg.gate || t('tba')} · ${t('boarding')} ${boarding(leg)}`))))
    : h('p', {}, t('pax.searching')));
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
