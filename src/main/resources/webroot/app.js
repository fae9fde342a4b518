// Shared by every PaxCare screen: words in English and Spanish, the signed-in session, calls to the API,
// and the live connection. Plain ES module: no framework, nothing loaded from outside this server.

const KEYS = { token: 'paxcare.token', user: 'paxcare.user', lang: 'paxcare.lang' };

// ---- words -------------------------------------------------------------------------------------------------
// One dictionary for every visible text. {name} is filled in by t(). Keys missing in Spanish fall back to English.
const DICT = {
  en: {
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    'lang.switch': 'Español', 'lang.switchLabel': 'Cambiar a español',
    'logout': 'Sign out', 'conn.online': 'Live', 'conn.offline': 'Offline, reconnecting…',
    'loading': 'Loading…', 'tba': 'To be announced', 'close': 'Close',
    'role.admin': 'Admin', 'role.ops': 'Ops control', 'role.care': 'Care desk', 'role.gate': 'Gate agent',
    'role.crew': 'Crew', 'role.passenger': 'Passenger', 'role.feed': 'Data feed',
    'err.network': 'No connection to PaxCare. Check the network and try again.',
    'err.400': 'Please check the marked fields.', 'err.401': 'Your session has ended. Please sign in again.',
    'err.403': 'You are not allowed to do this.', 'err.404': 'Not found.',
    'err.409': 'This conflicts with what is already recorded.',
    'err.429': 'Too many attempts. Wait a moment and try again.',
    'err.5xx': 'PaxCare could not do this right now. Please try again.', 'err.retry': 'Try again in {s} s.',
    // sign-in
    'signin.title': 'PaxCare passenger care', 'signin.staff': 'Airline staff', 'signin.username': 'User name',
    'signin.password': 'Password', 'signin.submit': 'Sign in', 'signin.passenger': 'Passengers: see your new trip',
    'signin.pnr': 'Booking code', 'signin.lastName': 'Surname', 'signin.passengerSubmit': 'Show my trip',
    'signin.badStaff': 'Wrong user name or password.',
    'signin.badPassenger': 'We could not find that booking with that surname.',
    'signin.missing': 'Please fill in both fields.',
    // flights, shared labels
    'flight': 'Flight', 'date': 'Date', 'from': 'From', 'to': 'To', 'departure': 'Departure',
    'arrival': 'Arrival', 'gate': 'Gate', 'seat': 'Seat', 'status': 'Status', 'boarding': 'Boarding',
    'ticket': 'Ticket', 'passenger': 'Passenger', 'reason': 'Reason', 'case': 'Case', 'note': 'Note',
    'fs.SCHEDULED': 'Scheduled', 'fs.BOARDING': 'Boarding', 'fs.DOORS_CLOSED': 'Doors closed', 'fs.TAXIING': 'Taxiing',
    'fs.AIRBORNE': 'Airborne', 'fs.LANDED': 'Landed', 'fs.CANCELLED': 'Cancelled', 'fs.DIVERTED': 'Diverted',
    'type.FAMILY_EMERGENCY': 'Family emergency', 'type.MEDICAL_EMERGENCY': 'Medical emergency',
    'type.BEREAVEMENT': 'Bereavement',
    'type.FLIGHT_CANCELLED': 'Flight cancelled', 'type.FLIGHT_DELAYED': 'Flight delayed',
    'type.FLIGHT_DIVERTED': 'Flight diverted', 'type.MISSED_CONNECTION': 'Missed connection',
    'rule.EU261': 'EU 261', 'rule.US_DOT': 'US DOT', 'rule.AIRLINE': 'our service plan',
    'dstatus.REACCOMMODATED': 'Re-accommodated', 'dstatus.KEPT_FLIGHT': 'Kept the flight',
    'dstatus.WAITLISTED': 'Waitlisted', 'dstatus.WITH_URGENT_CASE': 'Handled in the urgent case',
    'dstatus.ALREADY_MOVED': 'Already moved', 'dstatus.REFUNDED': 'Refunded', 'dstatus.WAITING': 'Waiting for a seat',
    // gate
    'gate.title': 'Gate', 'gate.station': 'Station {s}', 'gate.select': 'Gate', 'gate.all': 'All gates',
    'gate.departures': "Today's departures", 'gate.noFlights': 'No departures today.', 'gate.alerts': 'Alerts',
    'gate.noAlerts': 'No alerts. New alerts appear here by themselves.',
    'gate.needStation': 'Open this page with ?station=XXX (3-letter airport code).',
    'kind.RECALL': 'RECALL PASSENGER', 'kind.MEET_ON_ARRIVAL': 'Meet on arrival', 'kind.BAG_OFFLOAD': 'Offload bags',
    'kind.CARE': 'Passenger care', 'alert.wholeStation': 'whole station', 'alert.raised': 'Raised {time}',
    'alert.call': 'Passenger must call', 'alert.ackedBy': 'Acknowledged by {by}',
    'alert.sameCase': 'Same case as the alert above: actions are there.',
    'instr.gate': 'Stop the passenger at the gate. Do not board them.',
    'instr.onboard': 'Passenger is on board: bring them off before the door closes. Do not close the door.',
    'instr.return': 'The aircraft is asked to return to the gate: meet the passenger at the aircraft door.',
    'instr.meet': 'Meet the passenger on arrival of {flight} (arrives {time}). They must call home.',
    'instr.offload': 'Offload {n} bag(s): the passenger is not flying.',
    'instr.care': 'Private waiting area for the passenger; meal voucher {amount} ({code}); priority boarding.',
    'action.ack': 'Acknowledge', 'action.found': 'Passenger found', 'action.deplaned': 'Passenger deplaned',
    'action.boardingPass': 'Boarding pass', 'action.mealVoucher': 'Hand over meal voucher',
    'action.offloaded': 'Bag offloaded', 'action.complete': 'Call done: close case',
    'recall.FOUND': 'Passenger found', 'recall.DEPLANED': 'Passenger deplaned',
    'bag': 'Bag {tag}', 'bags': 'Bags', 'bag.TO_OFFLOAD': 'To offload', 'bag.OFFLOADED': 'Offloaded',
    'bag.REROUTED': 'Rerouted', 'bag.UNCHANGED': 'No change', 'bag.goesTo': 'goes to {dest}',
    'voucher.handedOver': 'Meal voucher handed over', 'voucher.text': 'Meal voucher {amount}, code {code}',
    'bp.title': 'Boarding pass', 'bp.none': 'No new flight yet. The care desk is working on it.',
    'bp.priority': 'Priority boarding', 'bp.noCharge': 'No charge: fare difference and change fee waived.',
    // crew
    'crew.title': 'Messages to the flight deck', 'crew.flight': 'Flight {flight} · {date}',
    'crew.none': 'No messages for this flight.', 'crew.acknowledged': 'Acknowledged',
    'crew.escalated': 'Escalated to ops control', 'crew.received': 'Received {time}',
    'crew.needFlight': 'Open this page with ?flight=WN1234&date=YYYY-MM-DD.',
    // care desk
    'care.title': 'Care desk', 'care.openCases': 'Open cases', 'care.noCases': 'No open cases.',
    'care.followups': 'Follow-up calls', 'care.noFollowups': 'No follow-up calls due.',
    'care.due': 'Due {time}', 'care.overdue': 'OVERDUE', 'care.outcome': 'What did the call find?',
    'care.outcomeRequired': 'Write what the call found first.', 'care.select': 'Choose a case to see its timeline.',
    'case.reporter': 'Reported by', 'case.destination': 'Must get to', 'case.opened': 'Opened {time}',
    'case.rebooking': 'New itinerary', 'case.noRebooking': 'Not rebooked yet.', 'case.care': 'Care given',
    'case.notifications': 'Messages sent', 'case.escalations': 'Escalations', 'case.timeline': 'Timeline',
    'case.followUp': 'Follow-up call', 'case.recall': 'Recall',
    'status.OPEN': 'Open', 'status.CLOSED': 'Closed', 'status.DUE': 'Due', 'status.DONE': 'Done',
    'careKind.WAITING_AREA': 'Private waiting area at {station}',
    'careKind.MEAL_VOUCHER': 'Meal voucher {amount}, code {code}',
    'careKind.HOTEL': 'Hotel night and transport at {station}',
    'care.filter': 'Show', 'care.filter.all': 'All ({n})', 'care.filter.urgent': 'Urgent ({n})',
    'care.filter.disruption': 'Disruptions ({n})', 'care.search': 'Find a case',
    'care.searchHint': 'Reference, name, booking or flight', 'care.noMatch': 'No open case matches.',
    'care.shown': 'Showing {shown} of {total}.', 'care.showMore': 'Show {n} more',
    'case.disruption': 'Disruption', 'case.d.place': 'Rank {rank}, group {group}: {reason}',
    'case.d.priority': 'Priority', 'case.d.outcome': 'Outcome', 'case.d.rights': 'Rights',
    'case.d.waitlisted': 'Waitlisted, position {n}', 'case.r.meals': 'meals', 'case.r.communication': 'two calls or e-mails',
    'case.r.hotel': 'hotel', 'case.r.refund': 'refund possible', 'case.r.compensation': 'compensation {amount}',
    'case.r.none': 'Nothing owed under any rule.', 'case.refund': 'Refund instead',
    'case.refunded': 'Refunded {amount} ({rule}).', 'case.waitlistedRebook': 'On the waitlist, position {n}: {why}',
    'tl.refund chosen': 'Refund chosen', 'tl.disruption joined': 'Disruption joined the case',
    'tl.disruption: with urgent case': 'Disruption: handled in the urgent case',
    'tl.disruption: already moved': 'Disruption: already moved',
    'report.title': 'Report an urgent event', 'report.type': 'Event', 'report.choose': 'Choose…',
    'report.identify': 'Name the passenger by booking code + surname, by ticket, or by surname + flight + date.',
    'report.pnr': 'Booking code (PNR)', 'report.lastName': 'Passenger surname',
    'report.firstName': 'Passenger given name', 'report.ticket': 'Ticket number (13 digits)',
    'report.flight': 'Flight', 'report.date': 'Flight date', 'report.reporter': 'Who is calling',
    'report.reporterName': 'Caller name', 'report.reporterPhone': 'Caller phone (+1 312…)',
    'report.reporterEmail': 'Caller e-mail', 'report.reporterRelation': 'Relation to the passenger',
    'report.destination': 'Where the passenger must get to (airport code)', 'report.note': 'Note',
    'report.language': "Passenger's language", 'report.submit': 'Report and start care',
    'report.created': 'Case {ref} opened. PaxCare is working on it.', 'report.joined': 'Added to open case {ref}.',
    'report.candidates': 'Matching passengers:', 'report.fieldError': '{field}: {message}',
    'rel.SPOUSE': 'Spouse', 'rel.PARTNER': 'Partner', 'rel.PARENT': 'Parent', 'rel.CHILD': 'Child',
    'rel.SIBLING': 'Sibling', 'rel.RELATIVE': 'Other relative', 'rel.FRIEND': 'Friend', 'rel.COLLEAGUE': 'Colleague',
    'rel.DOCTOR': 'Doctor', 'rel.OTHER': 'Other', 'langName.en': 'English', 'langName.es': 'Spanish',
    'tl.case opened': 'Case opened', 'tl.report joined': 'Another report joined the case',
    'tl.gate acknowledged alert': 'Gate acknowledged the alert', 'tl.meal voucher handed over': 'Meal voucher handed over',
    'tl.bag offloaded': 'Bag offloaded', 'tl.crew acknowledged': 'Crew acknowledged',
    'tl.passenger found': 'Passenger found', 'tl.passenger deplaned': 'Passenger deplaned',
    'tl.follow-up call completed': 'Follow-up call completed', 'tl.case closed': 'Case closed',
    'tl.escalated to ops control': 'Escalated to ops control',
    'tl.care desk alerted: no rebooking': 'Care desk alerted: no rebooking',
    'tl.follow-up overdue: escalated': 'Follow-up overdue: escalated',
    'step.RECALL': 'Gate alert', 'step.CREW_MESSAGE': 'Crew message', 'step.MEET_ON_ARRIVAL': 'Meet-on-arrival alert',
    'step.REBOOK': 'Rebooking', 'step.BAGS': 'Bags', 'step.CARE': 'Care', 'step.CONFIRM': 'Confirmation',
    'step.FOLLOW_UP': 'Follow-up call', 'step.CREW_ACK_CHECK': 'Crew acknowledgement check',
    'step.FOLLOW_UP_CHECK': 'Follow-up check', 'stepr.done': 'done', 'stepr.skipped': 'skipped', 'stepr.failed': 'failed',
    'esc.CREW_MESSAGE_UNACKNOWLEDGED': 'Crew did not acknowledge', 'esc.NO_REBOOKING': 'No seat found',
    'esc.FOLLOW_UP_OVERDUE': 'Follow-up call overdue', 'esc.STEP_FAILED': 'A step failed',
    // ops
    'ops.title': 'Ops control', 'count.openCases': 'Open cases', 'count.dueFollowUps': 'Follow-ups due',
    'count.overdueFollowUps': 'Follow-ups overdue', 'count.unacknowledgedCrewMessages': 'Crew messages not acknowledged',
    'count.escalations24h': 'Escalations (24 h)', 'ops.flights': 'Flights with open cases',
    'ops.openCases': 'Open cases', 'ops.crewUnacked': 'Crew messages waiting for acknowledgement',
    'ops.escalations': 'Escalations', 'ops.noFlights': 'No flights with open cases.',
    'ops.noCrew': 'Every crew message is acknowledged.', 'ops.noEscalations': 'No escalations.',
    'ops.updated': 'Updated {time}',
    'ops.disruptions': 'Disruptions', 'ops.noDisruptions': 'No disruptions in the last 24 hours.',
    'ops.kind.FLIGHT_CANCELLED': 'Flight cancelled', 'ops.kind.FLIGHT_DELAYED': 'Flight delayed',
    'ops.kind.FLIGHT_DIVERTED': 'Flight diverted', 'ops.kind.MISSED_CONNECTION': 'Missed connection',
    'ops.dstatus.SURVEYING': 'Counting passengers', 'ops.dstatus.REACCOMMODATING': 'Re-accommodating',
    'ops.dstatus.DONE': 'Finished', 'ops.surveying': 'Counting the affected passengers…',
    'ops.progressDone': '{done} of {affected} done ({pct} %)',
    'ops.progress.affected': 'Affected', 'ops.progress.reaccommodated': 'Re-accommodated',
    'ops.progress.keptFlight': 'Kept their flight', 'ops.progress.waitlisted': 'Waitlisted',
    'ops.progress.withUrgentCase': 'With urgent case', 'ops.progress.refunded': 'Refunded',
    'ops.progress.notified': 'Notified', 'ops.progress.bagsRerouted': 'Bags rerouted', 'ops.progress.toDo': 'Still to do',
    'ops.newDeparture': 'New departure {time}', 'ops.divertedTo': 'Diverted to {airport}',
    'ops.raisedBy': 'Raised by {by}, {time}', 'ops.raised': 'Raised {time}', 'ops.finished': 'Finished {time}',
    'ops.showWaiting': 'Show passengers waiting', 'ops.waiting': 'Passengers still waiting, by priority',
    'ops.allReaccommodated': 'Everyone has been re-accommodated.',
    'ops.moreWaiting': 'Showing the first {shown} of {total} waiting.',
    'ops.rank': 'Rank', 'ops.pnr': 'Booking', 'ops.priority': 'Priority', 'ops.group': 'Group {n}',
    'ops.group.1': 'Urgent case', 'ops.group.2': 'Needs assistance', 'ops.group.3': 'Connection at risk',
    'ops.group.4': 'Frequent flyer', 'ops.group.5': 'Booking order',
    'ops.wait.WAITING': 'Waiting', 'ops.wait.WAITLISTED': 'Waitlisted', 'ops.waitlistedAt': 'Waitlisted, position {n}',
    // passenger
    'pax.title': 'Your trip', 'pax.ref': 'Reference {ref}', 'pax.itinerary': 'Your new flights',
    'pax.seat': 'Seat', 'pax.boarding': 'Boarding time', 'pax.gate': 'Gate', 'pax.bags': 'Your bags',
    'pax.voucher': 'Meal voucher', 'pax.waitingArea': 'Waiting area', 'pax.arrives': 'arrives {time}',
    'pax.bagGoes': 'Bag {tag} goes to {dest}.', 'pax.bagOff': 'Bag {tag} is being taken off your old flight.',
    'pax.bagOffDone': 'Bag {tag} was taken off your old flight.', 'pax.noBags': 'No checked bags.', 'pax.noVoucher': 'No meal voucher.',
    'pax.voucherText': '{amount} · code {code}', 'pax.waitingAreaText': 'A private waiting area is ready for you at {station}. Ask any agent.',
    'pax.noWaitingArea': 'No waiting area booked.', 'pax.noCase': 'There are no changes to your trip.',
    'pax.searching': 'We are still looking for the best flight for you. We will let you know.',
    'pax.noCharge': 'Nothing is charged for this change.', 'pax.priority': 'You board first (priority boarding).',
    'pax.care.FAMILY_EMERGENCY': 'We are sorry about your family emergency.',
    'pax.care.MEDICAL_EMERGENCY': 'We are sorry about your medical emergency.',
    'pax.care.BEREAVEMENT': 'Please accept our sincere condolences.',
    'pax.care.FLIGHT_CANCELLED': 'We are sorry: your flight was cancelled.',
    'pax.care.FLIGHT_DELAYED': 'We are sorry: your flight is delayed.',
    'pax.care.FLIGHT_DIVERTED': 'We are sorry: your flight was diverted.',
    'pax.care.MISSED_CONNECTION': 'We are sorry: you missed your connection.',
    'pax.disruption': 'What happened to your flight',
    'pax.d.FLIGHT_CANCELLED': 'Your flight {flight} on {date} was cancelled.',
    'pax.d.FLIGHT_DELAYED': 'Your flight {flight} on {date} is delayed.',
    'pax.d.FLIGHT_DIVERTED': 'Your flight {flight} on {date} was diverted.',
    'pax.d.MISSED_CONNECTION': 'You missed your connecting flight {flight} on {date}.',
    'pax.d.other': 'Your flight {flight} on {date} was disrupted.',
    'pax.o.REACCOMMODATED': 'We have booked you on a new flight, free of charge:',
    'pax.o.REACCOMMODATEDn': 'We have booked you on new flights, free of charge:',
    'pax.o.moved': 'We have booked you on a new flight, free of charge.',
    'pax.o.keptAt': 'You keep your flight, now leaving at {time} on {date}.',
    'pax.o.kept': 'You keep your seat on flight {flight}. We will tell you the new time as soon as we have it.',
    'pax.o.WAITLISTED': 'You are number {n} on the waitlist; we will message you as soon as a seat is yours; our care desk will call you.',
    'pax.o.waitlisted': 'You are on the waitlist; we will message you as soon as a seat is yours; our care desk will call you.',
    'pax.o.REFUNDED': 'Refunded: the unused part of your ticket is paid back in full.',
    'pax.o.WITH_URGENT_CASE': 'Our care desk is already looking after your trip.',
    'pax.o.ALREADY_MOVED': 'You were already booked on another flight: nothing changes for you.',
    'pax.o.WAITING': 'We are finding you a new flight right now.',
    'pax.rights': 'Under {rule} you get:', 'pax.rightsNoRule': 'You get:',
    'pax.r.voucher': 'A meal voucher: {amount} · code {code}',
    'pax.r.meals': 'Meals and refreshments while you wait (ask any agent)',
    'pax.r.hotel': 'A hotel night and transport to it', 'pax.r.hotelAt': 'A hotel night at {station} and transport to it',
    'pax.r.communication': 'Two calls or e-mails, free of charge',
    'pax.r.compensation': 'Compensation: {amount} under {rule}',
    'pax.r.refund': 'If you would rather not travel: a full refund of the unused part of your ticket',
    'pax.r.none': 'No rule gives extra care or compensation for this change.',
    'pax.refund': 'I would rather not travel: refund me',
    'pax.refundAsk': 'Your remaining flights will be cancelled and the unused part of your ticket refunded in full. This cannot be undone.',
    'pax.refundConfirm': 'Yes, cancel my trip and refund me', 'pax.refundCancel': 'No, keep my trip',
    'pax.refundNo': 'We cannot refund this trip.', 'pax.refunded': 'Refunded: {amount}.', 'pax.refundedTrip': 'You chose a refund: you have no new flights.',
  },
  es: {
    days: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
    months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
    'lang.switch': 'English', 'lang.switchLabel': 'Switch to English',
    'logout': 'Cerrar sesión', 'conn.online': 'En vivo', 'conn.offline': 'Sin conexión, reconectando…',
    'loading': 'Cargando…', 'tba': 'Por anunciar', 'close': 'Cerrar',
    'role.admin': 'Administración', 'role.ops': 'Control de operaciones', 'role.care': 'Atención al pasajero',
    'role.gate': 'Agente de puerta', 'role.crew': 'Tripulación', 'role.passenger': 'Pasajero', 'role.feed': 'Datos',
    'err.network': 'Sin conexión con PaxCare. Revise la red e inténtelo de nuevo.',
    'err.400': 'Revise los campos marcados.', 'err.401': 'Su sesión ha terminado. Inicie sesión de nuevo.',
    'err.403': 'No tiene permiso para hacer esto.', 'err.404': 'No encontrado.',
    'err.409': 'Esto choca con lo que ya está registrado.',
    'err.429': 'Demasiados intentos. Espere un momento y vuelva a intentarlo.',
    'err.5xx': 'PaxCare no pudo hacerlo ahora. Inténtelo de nuevo.', 'err.retry': 'Inténtelo de nuevo en {s} s.',
    'signin.title': 'PaxCare atención al pasajero', 'signin.staff': 'Personal de la aerolínea',
    'signin.username': 'Usuario', 'signin.password': 'Contraseña', 'signin.submit': 'Entrar',
    'signin.passenger': 'Pasajeros: vea su nuevo viaje', 'signin.pnr': 'Código de reserva',
    'signin.lastName': 'Apellido', 'signin.passengerSubmit': 'Ver mi viaje',
    'signin.badStaff': 'Usuario o contraseña incorrectos.',
    'signin.badPassenger': 'No encontramos esa reserva con ese apellido.',
    'signin.missing': 'Complete ambos campos.', 
    'flight': 'Vuelo', 'date': 'Fecha', 'from': 'Origen', 'to': 'Destino', 'departure': 'Salida',
    'arrival': 'Llegada', 'gate': 'Puerta', 'seat': 'Asiento', 'status': 'Estado', 'boarding': 'Embarque',
    'ticket': 'Billete', 'passenger': 'Pasajero', 'reason': 'Motivo', 'case': 'Caso', 'note': 'Nota',
    'fs.SCHEDULED': 'Programado', 'fs.BOARDING': 'Embarcando', 'fs.DOORS_CLOSED': 'Puertas cerradas',
    'fs.TAXIING': 'En rodaje', 'fs.AIRBORNE': 'En vuelo', 'fs.LANDED': 'Aterrizado', 'fs.CANCELLED': 'Cancelado',
    'fs.DIVERTED': 'Desviado',
    'type.FAMILY_EMERGENCY': 'Emergencia familiar', 'type.MEDICAL_EMERGENCY': 'Emergencia médica',
    'type.BEREAVEMENT': 'Duelo',
    'type.FLIGHT_CANCELLED': 'Vuelo cancelado', 'type.FLIGHT_DELAYED': 'Vuelo retrasado',
    'type.FLIGHT_DIVERTED': 'Vuelo desviado', 'type.MISSED_CONNECTION': 'Conexión perdida',
    'rule.EU261': 'UE 261', 'rule.US_DOT': 'US DOT', 'rule.AIRLINE': 'nuestro plan de servicio',
    'dstatus.REACCOMMODATED': 'Reubicado', 'dstatus.KEPT_FLIGHT': 'Mantiene el vuelo',
    'dstatus.WAITLISTED': 'En lista de espera', 'dstatus.WITH_URGENT_CASE': 'Lo lleva el caso urgente',
    'dstatus.ALREADY_MOVED': 'Ya reubicado', 'dstatus.REFUNDED': 'Reembolsado', 'dstatus.WAITING': 'Esperando asiento',
    'gate.title': 'Puerta', 'gate.station': 'Estación {s}', 'gate.select': 'Puerta', 'gate.all': 'Todas las puertas',
    'gate.departures': 'Salidas de hoy', 'gate.noFlights': 'No hay salidas hoy.', 'gate.alerts': 'Alertas',
    'gate.noAlerts': 'No hay alertas. Las nuevas aparecen aquí solas.',
    'gate.needStation': 'Abra esta página con ?station=XXX (código de aeropuerto de 3 letras).',
    'kind.RECALL': 'RETENER AL PASAJERO', 'kind.MEET_ON_ARRIVAL': 'Recibir a la llegada',
    'kind.BAG_OFFLOAD': 'Descargar equipaje', 'kind.CARE': 'Atención al pasajero',
    'alert.wholeStation': 'toda la estación', 'alert.raised': 'Emitida {time}', 'alert.call': 'El pasajero debe llamar a',
    'alert.ackedBy': 'Confirmada por {by}', 'alert.sameCase': 'Mismo caso que la alerta de arriba: las acciones están allí.',
    'instr.gate': 'Detenga al pasajero en la puerta. No lo embarque.',
    'instr.onboard': 'El pasajero está a bordo: hágalo bajar antes de cerrar la puerta. No cierre la puerta.',
    'instr.return': 'Se pide a la aeronave que vuelva a la puerta: reciba al pasajero en la puerta del avión.',
    'instr.meet': 'Reciba al pasajero a la llegada del {flight} (llega {time}). Debe llamar a casa.',
    'instr.offload': 'Descargue {n} maleta(s): el pasajero no vuela.',
    'instr.care': 'Sala de espera privada para el pasajero; vale de comida {amount} ({code}); embarque prioritario.',
    'action.ack': 'Confirmar recibo', 'action.found': 'Pasajero localizado', 'action.deplaned': 'Pasajero desembarcado',
    'action.boardingPass': 'Tarjeta de embarque', 'action.mealVoucher': 'Entregar vale de comida',
    'action.offloaded': 'Maleta descargada', 'action.complete': 'Llamada hecha: cerrar caso',
    'recall.FOUND': 'Pasajero localizado', 'recall.DEPLANED': 'Pasajero desembarcado',
    'bag': 'Maleta {tag}', 'bags': 'Equipaje', 'bag.TO_OFFLOAD': 'Por descargar', 'bag.OFFLOADED': 'Descargada',
    'bag.REROUTED': 'Reencaminada', 'bag.UNCHANGED': 'Sin cambios', 'bag.goesTo': 'va a {dest}',
    'voucher.handedOver': 'Vale de comida entregado', 'voucher.text': 'Vale de comida {amount}, código {code}',
    'bp.title': 'Tarjeta de embarque', 'bp.none': 'Aún no hay vuelo nuevo. El equipo de atención se está ocupando.',
    'bp.priority': 'Embarque prioritario', 'bp.noCharge': 'Sin cargo: diferencia de tarifa y cargo por cambio exentos.',
    'crew.title': 'Mensajes a la cabina de mando', 'crew.flight': 'Vuelo {flight} · {date}',
    'crew.none': 'No hay mensajes para este vuelo.', 'crew.acknowledged': 'Recibido',
    'crew.escalated': 'Escalado a control de operaciones', 'crew.received': 'Recibido {time}',
    'crew.needFlight': 'Abra esta página con ?flight=WN1234&date=AAAA-MM-DD.',
    'care.title': 'Atención al pasajero', 'care.openCases': 'Casos abiertos', 'care.noCases': 'No hay casos abiertos.',
    'care.followups': 'Llamadas de seguimiento', 'care.noFollowups': 'No hay llamadas pendientes.',
    'care.due': 'Vence {time}', 'care.overdue': 'ATRASADA', 'care.outcome': '¿Qué resultó de la llamada?',
    'care.outcomeRequired': 'Escriba primero el resultado de la llamada.',
    'care.select': 'Elija un caso para ver su cronología.',
    'case.reporter': 'Informado por', 'case.destination': 'Debe llegar a', 'case.opened': 'Abierto {time}',
    'case.rebooking': 'Nuevo itinerario', 'case.noRebooking': 'Aún sin nueva reserva.', 'case.care': 'Atención dada',
    'case.notifications': 'Mensajes enviados', 'case.escalations': 'Escalamientos', 'case.timeline': 'Cronología',
    'case.followUp': 'Llamada de seguimiento', 'case.recall': 'Retención',
    'status.OPEN': 'Abierto', 'status.CLOSED': 'Cerrado', 'status.DUE': 'Pendiente', 'status.DONE': 'Hecho',
    'careKind.WAITING_AREA': 'Sala de espera privada en {station}',
    'careKind.MEAL_VOUCHER': 'Vale de comida {amount}, código {code}',
    'careKind.HOTEL': 'Noche de hotel y traslado en {station}',
    'care.filter': 'Mostrar', 'care.filter.all': 'Todos ({n})', 'care.filter.urgent': 'Urgentes ({n})',
    'care.filter.disruption': 'Irregularidades ({n})', 'care.search': 'Buscar un caso',
    'care.searchHint': 'Referencia, nombre, reserva o vuelo', 'care.noMatch': 'Ningún caso abierto coincide.',
    'care.shown': 'Se muestran {shown} de {total}.', 'care.showMore': 'Mostrar {n} más',
    'case.disruption': 'Irregularidad', 'case.d.place': 'Orden {rank}, grupo {group}: {reason}',
    'case.d.priority': 'Prioridad', 'case.d.outcome': 'Resultado', 'case.d.rights': 'Derechos',
    'case.d.waitlisted': 'En lista de espera, puesto {n}', 'case.r.meals': 'comidas',
    'case.r.communication': 'dos llamadas o correos', 'case.r.hotel': 'hotel', 'case.r.refund': 'puede pedir reembolso',
    'case.r.compensation': 'compensación {amount}', 'case.r.none': 'Ninguna norma le da derechos.',
    'case.refund': 'Reembolsar en su lugar', 'case.refunded': 'Reembolsado {amount} ({rule}).',
    'case.waitlistedRebook': 'En lista de espera, puesto {n}: {why}',
    'tl.refund chosen': 'Reembolso elegido', 'tl.disruption joined': 'Una irregularidad se unió al caso',
    'tl.disruption: with urgent case': 'Irregularidad: la lleva el caso urgente',
    'tl.disruption: already moved': 'Irregularidad: ya reubicado',
    'report.title': 'Informar de un evento urgente', 'report.type': 'Evento', 'report.choose': 'Elija…',
    'report.identify': 'Identifique al pasajero por código de reserva + apellido, por billete, o por apellido + vuelo + fecha.',
    'report.pnr': 'Código de reserva (PNR)', 'report.lastName': 'Apellido del pasajero',
    'report.firstName': 'Nombre del pasajero', 'report.ticket': 'Número de billete (13 dígitos)',
    'report.flight': 'Vuelo', 'report.date': 'Fecha del vuelo', 'report.reporter': 'Quién llama',
    'report.reporterName': 'Nombre de quien llama', 'report.reporterPhone': 'Teléfono de quien llama (+34 …)',
    'report.reporterEmail': 'Correo de quien llama', 'report.reporterRelation': 'Parentesco con el pasajero',
    'report.destination': 'Adónde debe llegar el pasajero (código de aeropuerto)', 'report.note': 'Nota',
    'report.language': 'Idioma del pasajero', 'report.submit': 'Informar e iniciar atención',
    'report.created': 'Caso {ref} abierto. PaxCare se está ocupando.', 'report.joined': 'Añadido al caso abierto {ref}.',
    'report.candidates': 'Pasajeros que coinciden:', 'report.fieldError': '{field}: {message}',
    'rel.SPOUSE': 'Cónyuge', 'rel.PARTNER': 'Pareja', 'rel.PARENT': 'Padre o madre', 'rel.CHILD': 'Hijo o hija',
    'rel.SIBLING': 'Hermano o hermana', 'rel.RELATIVE': 'Otro familiar', 'rel.FRIEND': 'Amistad',
    'rel.COLLEAGUE': 'Colega', 'rel.DOCTOR': 'Médico', 'rel.OTHER': 'Otro',
    'langName.en': 'Inglés', 'langName.es': 'Español',
    'tl.case opened': 'Caso abierto', 'tl.report joined': 'Otro informe se unió al caso',
    'tl.gate acknowledged alert': 'La puerta confirmó la alerta', 'tl.meal voucher handed over': 'Vale de comida entregado',
    'tl.bag offloaded': 'Maleta descargada', 'tl.crew acknowledged': 'La tripulación confirmó',
    'tl.passenger found': 'Pasajero localizado', 'tl.passenger deplaned': 'Pasajero desembarcado',
    'tl.follow-up call completed': 'Llamada de seguimiento hecha', 'tl.case closed': 'Caso cerrado',
    'tl.escalated to ops control': 'Escalado a control de operaciones',
    'tl.care desk alerted: no rebooking': 'Aviso al equipo de atención: sin nueva reserva',
    'tl.follow-up overdue: escalated': 'Seguimiento atrasado: escalado',
    'step.RECALL': 'Alerta a la puerta', 'step.CREW_MESSAGE': 'Mensaje a la tripulación',
    'step.MEET_ON_ARRIVAL': 'Alerta de recibir a la llegada', 'step.REBOOK': 'Nueva reserva', 'step.BAGS': 'Equipaje',
    'step.CARE': 'Atención', 'step.CONFIRM': 'Confirmación', 'step.FOLLOW_UP': 'Llamada de seguimiento',
    'step.CREW_ACK_CHECK': 'Comprobación de recibo de la tripulación', 'step.FOLLOW_UP_CHECK': 'Comprobación del seguimiento',
    'stepr.done': 'hecho', 'stepr.skipped': 'omitido', 'stepr.failed': 'falló',
    'esc.CREW_MESSAGE_UNACKNOWLEDGED': 'La tripulación no confirmó', 'esc.NO_REBOOKING': 'No se encontró asiento',
    'esc.FOLLOW_UP_OVERDUE': 'Llamada de seguimiento atrasada', 'esc.STEP_FAILED': 'Un paso falló',
    'ops.title': 'Control de operaciones', 'count.openCases': 'Casos abiertos', 'count.dueFollowUps': 'Seguimientos pendientes',
    'count.overdueFollowUps': 'Seguimientos atrasados', 'count.unacknowledgedCrewMessages': 'Mensajes a tripulación sin confirmar',
    'count.escalations24h': 'Escalamientos (24 h)', 'ops.flights': 'Vuelos con casos abiertos',
    'ops.openCases': 'Casos abiertos', 'ops.crewUnacked': 'Mensajes a tripulación sin confirmar',
    'ops.escalations': 'Escalamientos', 'ops.noFlights': 'No hay vuelos con casos abiertos.',
    'ops.noCrew': 'Todos los mensajes a tripulación están confirmados.', 'ops.noEscalations': 'No hay escalamientos.',
    'ops.updated': 'Actualizado {time}',
    'ops.disruptions': 'Irregularidades', 'ops.noDisruptions': 'No hay irregularidades en las últimas 24 horas.',
    'ops.kind.FLIGHT_CANCELLED': 'Vuelo cancelado', 'ops.kind.FLIGHT_DELAYED': 'Vuelo retrasado',
    'ops.kind.FLIGHT_DIVERTED': 'Vuelo desviado', 'ops.kind.MISSED_CONNECTION': 'Conexión perdida',
    'ops.dstatus.SURVEYING': 'Contando pasajeros', 'ops.dstatus.REACCOMMODATING': 'Reubicando',
    'ops.dstatus.DONE': 'Terminada', 'ops.surveying': 'Contando los pasajeros afectados…',
    'ops.progressDone': '{done} de {affected} atendidos ({pct} %)',
    'ops.progress.affected': 'Afectados', 'ops.progress.reaccommodated': 'Reubicados',
    'ops.progress.keptFlight': 'Mantienen su vuelo', 'ops.progress.waitlisted': 'En lista de espera',
    'ops.progress.withUrgentCase': 'Con caso urgente', 'ops.progress.refunded': 'Reembolsados',
    'ops.progress.notified': 'Avisados', 'ops.progress.bagsRerouted': 'Maletas reencaminadas', 'ops.progress.toDo': 'Pendientes',
    'ops.newDeparture': 'Nueva salida {time}', 'ops.divertedTo': 'Desviado a {airport}',
    'ops.raisedBy': 'Emitida por {by}, {time}', 'ops.raised': 'Emitida {time}', 'ops.finished': 'Terminada {time}',
    'ops.showWaiting': 'Ver pasajeros en espera', 'ops.waiting': 'Pasajeros aún en espera, por prioridad',
    'ops.allReaccommodated': 'Todos los pasajeros han sido reubicados.',
    'ops.moreWaiting': 'Se muestran los primeros {shown} de {total} en espera.',
    'ops.rank': 'Orden', 'ops.pnr': 'Reserva', 'ops.priority': 'Prioridad', 'ops.group': 'Grupo {n}',
    'ops.group.1': 'Caso urgente', 'ops.group.2': 'Necesita asistencia', 'ops.group.3': 'Conexión en riesgo',
    'ops.group.4': 'Viajero frecuente', 'ops.group.5': 'Orden de reserva',
    'ops.wait.WAITING': 'En espera', 'ops.wait.WAITLISTED': 'En lista de espera', 'ops.waitlistedAt': 'En lista de espera, puesto {n}',
    'pax.title': 'Su viaje', 'pax.ref': 'Referencia {ref}', 'pax.itinerary': 'Sus nuevos vuelos',
    'pax.seat': 'Asiento', 'pax.boarding': 'Hora de embarque', 'pax.gate': 'Puerta', 'pax.bags': 'Su equipaje',
    'pax.voucher': 'Vale de comida', 'pax.waitingArea': 'Sala de espera', 'pax.arrives': 'llega {time}',
    'pax.bagGoes': 'La maleta {tag} va a {dest}.', 'pax.bagOff': 'Estamos sacando la maleta {tag} de su vuelo anterior.',
    'pax.bagOffDone': 'La maleta {tag} ya salió de su vuelo anterior.', 'pax.noBags': 'Sin equipaje facturado.',
    'pax.noVoucher': 'Sin vale de comida.', 'pax.voucherText': '{amount} · código {code}',
    'pax.waitingAreaText': 'Tiene una sala de espera privada en {station}. Pregunte a cualquier agente.',
    'pax.noWaitingArea': 'No hay sala de espera reservada.', 'pax.noCase': 'No hay cambios en su viaje.',
    'pax.searching': 'Todavía buscamos el mejor vuelo para usted. Le avisaremos.',
    'pax.noCharge': 'No se le cobra nada por este cambio.', 'pax.priority': 'Usted embarca primero (embarque prioritario).',
    'pax.care.FAMILY_EMERGENCY': 'Sentimos mucho su emergencia familiar.',
    'pax.care.MEDICAL_EMERGENCY': 'Sentimos mucho su emergencia médica.',
    'pax.care.BEREAVEMENT': 'Le expresamos nuestras más sinceras condolencias.',
    'pax.care.FLIGHT_CANCELLED': 'Lo sentimos: su vuelo ha sido cancelado.',
    'pax.care.FLIGHT_DELAYED': 'Lo sentimos: su vuelo se ha retrasado.',
    'pax.care.FLIGHT_DIVERTED': 'Lo sentimos: su vuelo ha sido desviado.',
    'pax.care.MISSED_CONNECTION': 'Lo sentimos: ha perdido su conexión.',
    'pax.disruption': 'Qué pasó con su vuelo',
    'pax.d.FLIGHT_CANCELLED': 'Su vuelo {flight} del {date} ha sido cancelado.',
    'pax.d.FLIGHT_DELAYED': 'Su vuelo {flight} del {date} se ha retrasado.',
    'pax.d.FLIGHT_DIVERTED': 'Su vuelo {flight} del {date} ha sido desviado.',
    'pax.d.MISSED_CONNECTION': 'Ha perdido su vuelo de conexión {flight} del {date}.',
    'pax.d.other': 'Su vuelo {flight} del {date} se ha visto afectado.',
    'pax.o.REACCOMMODATED': 'Le hemos reservado un nuevo vuelo, sin cargo:',
    'pax.o.REACCOMMODATEDn': 'Le hemos reservado nuevos vuelos, sin cargo:',
    'pax.o.moved': 'Le hemos reservado un nuevo vuelo, sin cargo.',
    'pax.o.keptAt': 'Conserva su vuelo, que ahora sale a las {time} del {date}.',
    'pax.o.kept': 'Conserva su asiento en el vuelo {flight}. Le avisaremos de la nueva hora en cuanto la tengamos.',
    'pax.o.WAITLISTED': 'Es el número {n} en la lista de espera; le escribiremos en cuanto tenga asiento; nuestro equipo de atención le llamará.',
    'pax.o.waitlisted': 'Está en la lista de espera; le escribiremos en cuanto tenga asiento; nuestro equipo de atención le llamará.',
    'pax.o.REFUNDED': 'Reembolsado: le devolvemos íntegra la parte no usada de su billete.',
    'pax.o.WITH_URGENT_CASE': 'Nuestro equipo de atención ya se ocupa de su viaje.',
    'pax.o.ALREADY_MOVED': 'Ya tenía reserva en otro vuelo: para usted no cambia nada.',
    'pax.o.WAITING': 'Estamos buscándole un nuevo vuelo ahora mismo.',
    'pax.rights': 'Sus derechos ({rule}):', 'pax.rightsNoRule': 'Usted recibe:',
    'pax.r.voucher': 'Un vale de comida: {amount} · código {code}',
    'pax.r.meals': 'Comidas y refrescos mientras espera (pregunte a cualquier agente)',
    'pax.r.hotel': 'Una noche de hotel y el traslado', 'pax.r.hotelAt': 'Una noche de hotel en {station} y el traslado',
    'pax.r.communication': 'Dos llamadas o correos, sin cargo',
    'pax.r.compensation': 'Compensación: {amount} ({rule})',
    'pax.r.refund': 'Si prefiere no viajar: el reembolso íntegro de la parte no usada de su billete',
    'pax.r.none': 'Ninguna norma le da atención ni compensación adicional por este cambio.',
    'pax.refund': 'Prefiero no viajar: reembólsenme',
    'pax.refundAsk': 'Cancelaremos sus vuelos pendientes y le reembolsaremos íntegra la parte no usada de su billete. No se puede deshacer.',
    'pax.refundConfirm': 'Sí, cancelar mi viaje y reembolsarme', 'pax.refundCancel': 'No, mantener mi viaje',
    'pax.refundNo': 'No podemos reembolsar este viaje.', 'pax.refunded': 'Reembolsado: {amount}.', 'pax.refundedTrip': 'Ha elegido el reembolso: no tiene vuelos nuevos.',
  },
};

function browserLang() {
  return (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
}

let current = (localStorage.getItem(KEYS.lang) || browserLang()) === 'es' ? 'es' : 'en';

export const lang = () => current;
/** True when someone pressed #lang on this device: the passenger page then stops following the booking's language. */
export const langChosen = () => localStorage.getItem(KEYS.lang) !== null;

export function setLang(code, remember = true) {
  current = code === 'es' ? 'es' : 'en';
  if (remember) localStorage.setItem(KEYS.lang, current);
  applyI18n();
  window.dispatchEvent(new Event('paxcare:lang'));
}

export function t(key, vars = {}) {
  let text = DICT[current][key] ?? DICT.en[key];
  if (text === undefined) return key;
  return String(text).replace(/\{(\w+)\}/g, (m, name) => (vars[name] ?? ''));
}

/** A translated label for a code the server sends (prefix + code), or the code itself when unknown. */
export function tCode(prefix, code) {
  if (code === null || code === undefined) return '';
  const key = prefix + code;
  return (DICT[current][key] ?? DICT.en[key]) !== undefined ? t(key) : String(code);
}

/** Static text in the HTML carries data-i18n (text), data-i18n-placeholder or data-i18n-label (aria-label). */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  const button = document.getElementById('lang');
  if (button) {
    button.textContent = t('lang.switch');
    button.setAttribute('aria-label', t('lang.switchLabel'));
  }
  paintConnection();
}

// ---- dates and money ---------------------------------------------------------------------------------------
// Flight times come as local times with the station's offset ("2026-11-22T14:05-06:00"): show them as the
// station's clock reads them, not converted to the tablet's zone.
function offsetMinutes(iso) {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function localParts(iso, minusMinutes = 0) {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return null;
  return new Date(ms - minusMinutes * 60000 + offsetMinutes(iso) * 60000);
}

const pad = (n) => String(n).padStart(2, '0');

/** "14:05" at the station. */
export function stationTime(iso, minusMinutes = 0) {
  const d = localParts(iso, minusMinutes);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** "Mon 23 Nov" / "lun 23 nov" at the station. */
export function stationDate(iso) {
  const d = localParts(iso);
  if (!d) return '';
  const dict = DICT[current];
  return `${dict.days[(d.getUTCDay() + 6) % 7]} ${d.getUTCDate()} ${dict.months[d.getUTCMonth()]}`;
}

/** A plain date "2026-11-23" in words. */
export function dayText(date) {
  return date ? stationDate(`${date}T12:00:00Z`) : '';
}

/** When something happened (server timestamps), on this device's clock. */
export function clock(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return today ? hm : `${DICT[current].days[(d.getDay() + 6) % 7]} ${d.getDate()} ${DICT[current].months[d.getMonth()]} ${hm}`;
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '';
  const n = Number(amount);
  const text = Number.isNaN(n) ? String(amount) : n.toLocaleString(current, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${text} ${currency}` : text;
}

/** Today's date on this device, YYYY-MM-DD. */
export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- DOM ---------------------------------------------------------------------------------------------------
/** Builds elements without innerHTML, so names and notes from the server can never inject markup. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Replaces el's content; like h(), skips empty children and flattens lists (replaceChildren would print "null"). */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : String(c))));
  return el;
}

export function telLink(phone) {
  return phone ? h('a', { href: `tel:${phone}`, class: 'tel' }, phone) : null;
}

// ---- session -----------------------------------------------------------------------------------------------
export function session() {
  const token = localStorage.getItem(KEYS.token);
  let user = null;
  try { user = JSON.parse(localStorage.getItem(KEYS.user) || 'null'); } catch { user = null; }
  return token ? { token, user } : null;
}

export function saveSession(token, user) {
  localStorage.setItem(KEYS.token, token);
  localStorage.setItem(KEYS.user, JSON.stringify(user));
}

export function clearSession() {
  localStorage.removeItem(KEYS.token);
  localStorage.removeItem(KEYS.user);
}

const HOMES = { gate: '/gate.html', crew: '/crew.html', care: '/care.html', ops: '/ops.html', admin: '/ops.html',
  passenger: '/passenger.html' };
export const homeFor = (role) => HOMES[role] || '/';

function signOut() {
  clearSession();
  location.href = '/';
}

// ---- API ---------------------------------------------------------------------------------------------------
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** Every call carries the token; a 401 means the session is over (unless signing in), so back to sign-in. */
export async function api(path, { method = 'GET', body, headers = {}, signIn = false, withStatus = false } = {}) {
  const s = session();
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  if (s && !signIn) all.Authorization = `Bearer ${s.token}`;
  if (body !== undefined) all['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (response.ok) return withStatus ? { status: response.status, data } : data;
  if (response.status === 401 && !signIn) {
    signOut();
  }
  throw new ApiError(response.status, data, response.headers.get('Retry-After'));
}

/** The translated headline for a failed call; the server's own words follow as detail. */
export function problemHeadline(err) {
  const s = err.status;
  if (!s) return t('err.network');
  if (s === 400 || s === 422) return t('err.400');
  if (s >= 500) return t('err.5xx');
  const key = `err.${s}`;
  return t(key) === key ? (err.problem?.title || t('err.5xx')) : t(key);
}

/** Problem details' errors, keyed by field; accepts "message" and "reason" (what Problem.java sends). */
export function fieldErrors(err) {
  const list = err.problem?.errors;
  return Array.isArray(list) ? list.map((e) => ({ field: e.field || '', message: e.message || e.reason || '' })) : [];
}

/** Shows a failed call in el (headline, server detail, field errors, retry hint); headline overrides it. */
export function showProblem(el, err, headline) {
  if (!el) return;
  const p = err.problem || {};
  const errors = fieldErrors(err);
  fill(el,
    h('strong', {}, headline || problemHeadline(err)),
    p.detail && p.detail !== headline ? h('div', { class: 'detail' }, p.detail) : null,
    errors.length ? h('ul', {}, errors.map((e) => h('li', {}, t('report.fieldError', e)))) : null,
    err.retryAfter ? h('div', {}, t('err.retry', { s: err.retryAfter })) : null,
  );
  el.hidden = false;
}

export function clearProblem(el) {
  if (!el) return;
  el.replaceChildren();
  el.hidden = true;
}

// ---- connection state --------------------------------------------------------------------------------------
let connectionState = 'offline';

function paintConnection() {
  const el = document.getElementById('connection');
  if (!el) return;
  el.dataset.state = connectionState;
  el.textContent = t(connectionState === 'online' ? 'conn.online' : 'conn.offline');
}

export function setConnection(state) {
  connectionState = state === 'online' ? 'online' : 'offline';
  paintConnection();
}

/** Runs fn when the screen comes back (tablet woke up, network returned): it may have missed things. */
export function onResume(fn) {
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') fn(); });
  window.addEventListener('online', fn);
}

// ---- live pushes -------------------------------------------------------------------------------------------
/**
 * The live WebSocket: signs in with the first message, subscribes, and reconnects by itself (1 s to 10 s
 * back-off). Pushes only wake the screen up; after every (re)subscription onReconnect lets the screen read what
 * it missed from the API. A ping every 25 s finds connections that died silently while a tablet slept.
 */
export class Live {
  constructor({ addresses, onMessage = () => {}, onReconnect = () => {} }) {
    this.addresses = addresses;
    this.onMessage = onMessage;
    this.onReconnect = onReconnect;
    this.delay = 1000;
    this.socket = null;
    this.timer = null;
    this.pinger = null;
    this.lastHeard = 0;
    this.pending = new Set();
    onResume(() => {
      if (!this.socket || this.socket.readyState > WebSocket.OPEN) this.connect(true);
    });
    window.addEventListener('offline', () => setConnection('offline'));
  }

  start() {
    this.connect();
    return this;
  }

  connect(now = false) {
    clearTimeout(this.timer);
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    if (now) this.delay = 1000;
    const s = session();
    if (!s) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live`;
    let socket;
    try { socket = new WebSocket(url); } catch { this.retry(); return; }
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: s.token }));
    socket.onmessage = (event) => this.receive(event);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      clearInterval(this.pinger);
      setConnection('offline');
      // 4401: the server no longer accepts this token; signing in again is the only way back.
      if (event.code === 4401) signOut();
      else this.retry();
    };
    socket.onerror = () => socket.close();
  }

  retry() {
    clearTimeout(this.timer);
    const wait = this.delay + Math.random() * 300;
    this.delay = Math.min(this.delay * 2, 10000);
    this.timer = setTimeout(() => this.connect(), wait);
  }

  receive(event) {
    this.lastHeard = Date.now();
    let msg;
    try { msg = JSON.parse(event.data); } catch { return; }
    if (msg.type === 'ready') {
      this.pending = new Set(this.addresses);
      this.addresses.forEach((address) => this.socket.send(JSON.stringify({ type: 'subscribe', address })));
      if (!this.addresses.length) this.ready();
    } else if (msg.type === 'subscribed' || (msg.type === 'error' && msg.address)) {
      if (msg.type === 'error') console.warn('live subscription refused', msg.address, msg.detail);
      this.pending.delete(msg.address);
      if (this.pending.size === 0) this.ready();
    } else if (msg.type === 'message') {
      this.onMessage(msg.address, msg.body || {});
    }
  }

  ready() {
    this.delay = 1000;
    setConnection('online');
    clearInterval(this.pinger);
    this.pinger = setInterval(() => this.ping(), 25000);
    // Subscribed now, so nothing pushed from here on is lost: read whatever happened while away.
    this.onReconnect();
  }

  ping() {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastHeard > 60000) { socket.close(); return; }
    socket.send(JSON.stringify({ type: 'ping' }));
  }
}

// ---- page start --------------------------------------------------------------------------------------------
/**
 * Builds the header (#lang, #whoami, #logout, #connection) and checks who is signed in. Sends anyone else to sign-in, or to
 * their own screen when this one is not theirs. Resolves with the user (null on the sign-in page).
 */
export async function startPage(roles) {
  renderHeader(Boolean(roles));
  applyI18n();
  document.getElementById('lang')?.addEventListener('click', () => setLang(current === 'es' ? 'en' : 'es'));
  document.getElementById('logout')?.addEventListener('click', signOut);
  window.addEventListener('paxcare:lang', () => paintWho());
  if (!roles) return null;
  const s = session();
  if (!s) { location.replace('/'); return new Promise(() => {}); }
  let user = s.user;
  try {
    user = await api('/api/v1/auth/me');
    saveSession(s.token, user);
  } catch (e) {
    // Offline on load: trust the stored user so the tablet still shows what it can.
    if (e.status && e.status !== 0) throw e;
  }
  if (!user || !roles.includes(user.role)) { location.replace(homeFor(user?.role)); return new Promise(() => {}); }
  whoUser = user;
  paintWho();
  return user;
}

/** The same header on every page: who is signed in, the live state (on screens that have one), language, sign out. */
function renderHeader(signedInScreen) {
  fill(document.querySelector('header.top'),
    h('a', { class: 'brand', href: '/' }, 'PaxCare'),
    h('span', { id: 'whoami' }),
    signedInScreen ? h('span', { id: 'connection', 'data-state': 'offline', role: 'status' }) : null,
    h('button', { id: 'lang', type: 'button' }, 'Español'),
    h('button', { id: 'logout', type: 'button', 'data-i18n': 'logout' }, 'Sign out'));
}

let whoUser = null;

export function describeUser(user) {
  if (!user) return '';
  if (user.role === 'passenger') return `${user.lastName || ''} · ${user.pnr || ''}`;
  const scope = user.station || (user.flight ? `${user.flight} ${user.date}` : '');
  return `${user.username} · ${t(`role.${user.role}`)}${scope ? ` · ${scope}` : ''}`;
}

function paintWho() {
  const el = document.getElementById('whoami');
  if (el) el.textContent = describeUser(whoUser);
}
