/**
 * Spanish. Pass it as `strings` (`import { es } from '@escalate-kit/element/strings/es'`).
 * Category and team ids stay the same on the wire; only what people read changes.
 */
import type { Deadline } from '@escalate-kit/sdk';
import type { EscalateStrings } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A deadline's `within` in Spanish (the SDK's `describeWithin` words it in English). */
function within(w: Deadline['within']): string {
  if ('endOfBusinessDay' in w) {
    const n = w.endOfBusinessDay;
    return n === 0 ? 'antes del final del día' : `antes del final del ${n}.º día laborable`;
  }
  if ('minutes' in w) return w.minutes === 0 ? 'de inmediato' : `en ${plural(w.minutes, 'minuto', 'minutos')}`;
  if ('hours' in w) return `en ${plural(w.hours, 'hora', 'horas')}`;
  return `en ${plural(w.businessDays, 'día laborable', 'días laborables')}`;
}

const priorities = { critical: 'crítica', high: 'alta', medium: 'media', low: 'baja' } as const;

export const es: EscalateStrings = {
  locale: 'es',
  label: 'Escalar',
  notConfigured: 'No se puede escalar: no hay un endpoint de escalado configurado.',
  noTask: 'No se puede escalar: esta tarea no tiene identificador.',
  dialogTitle: 'Escalar al equipo de cuentas',
  dialogIntro: '¡Escalar no te traerá problemas! Para eso está.',
  category: 'Categoría',
  chooseCategory: 'Elige una categoría',
  categoryUnsure: '¿No lo tienes claro? Elige la más parecida.',
  fieldErrors: {
    category: 'Elige una de las categorías.',
    notes: 'Escribe una nota de hasta 5000 caracteres, sin caracteres de control.',
    amount: 'Escribe un importe de hasta 1.000.000.000.',
    customerRequest: 'Escribe una sola línea de hasta 300 caracteres.',
    recommendation: 'Escribe una sola línea de hasta 300 caracteres.',
    contactMethod: 'Elige cómo contactar al cliente: llamada, SMS o correo.',
    phone: 'Escribe un teléfono de 7 a 15 dígitos, p. ej. +34 600 123 456.',
    email: 'Escribe un correo electrónico, p. ej. nombre@ejemplo.com.',
  },
  categories: {
    complaint: { label: 'Queja', hint: 'El cliente está descontento o tiene un problema' },
    billing: { label: 'Facturación', hint: 'Pagos, cargos, reembolsos' },
    pricing: { label: 'Precios', hint: 'Dudas sobre presupuestos o estimaciones' },
    technical: { label: 'Técnico', hint: 'Problemas de sistemas o equipos' },
    other: { label: 'Otro', hint: 'No encaja en las demás categorías' },
  },
  notes: 'Escribe una nota breve: cuál es el problema, qué intentaste y por qué escalas',
  notesExample:
    'Ejemplo: Problema: el cliente disputa un cargo de 450 $. Intentado: expliqué la política, ofrecí un plan de pagos. Por qué: el cliente exige un responsable y amenaza con reclamar.',
  notesRequired: 'Añade una nota: el equipo de cuentas la lee antes de contactar al cliente.',
  notesTooShort: (min) =>
    `Añade un poco más (al menos ${min} caracteres): el equipo de cuentas necesita el problema, qué intentaste y por qué.`,
  charCount: (count, max) => `${count} / ${max} caracteres`,
  flagsLegend: 'Lo que sabes del caso',
  flags: {
    managerRequested: 'Pide un responsable',
    legalThreat: 'Amenaza con acciones legales, un regulador o consumo',
    upset: 'Enfadado o molesto',
    fraudSuspected: 'Posible fraude',
    cancellation: 'Quiere darse de baja',
    vip: 'VIP',
    multipleCustomersAffected: 'Varios clientes afectados',
    troubleshootingExhausted: 'Sin más pasos de diagnóstico',
    unknownAnswer: 'No sé la respuesta',
  },
  fraudHint:
    'Posible fraude: no puede verificar su identidad, la cuenta cambió hace poco, hay cargos que no hizo, un duplicado de SIM o una portabilidad que no pidió…',
  amountKind: 'Abono o reembolso solicitado',
  amountKinds: { none: 'Ninguno', credit: 'Abono', refund: 'Reembolso' },
  amountLabel: (currency) => `Importe (${currency})`,
  amountRequired: 'Escribe el importe que pide el cliente.',
  amountInvalid: 'Escribe el importe en cifras, p. ej. 120,50.',
  noticedTitle: 'Visto en tu nota',
  noticed: (phrase, question) => `Menciona «${phrase}»: ${question}`,
  flagQuestions: {
    managerRequested: '¿marcar que pide un responsable?',
    legalThreat: '¿marcar una amenaza legal?',
    upset: '¿marcar que está enfadado?',
    fraudSuspected: '¿marcar posible fraude?',
    cancellation: '¿marcar que quiere darse de baja?',
    vip: '¿marcar como VIP?',
    multipleCustomersAffected: '¿marcar que hay varios clientes afectados?',
    troubleshootingExhausted: '¿marcar que no quedan pasos de diagnóstico?',
    unknownAnswer: '¿marcar que no sabes la respuesta?',
  },
  amountQuestion: (amount, as) =>
    as === 'refund'
      ? `¿anotar un reembolso de ${amount}?`
      : as === 'credit'
        ? `¿anotar un abono de ${amount}?`
        : `¿${amount} es un abono o un reembolso?`,
  flag: 'Marcar',
  setAmount: 'Anotar',
  dismiss: 'Descartar',
  accepted: (what) => `Anotado: ${what}.`,
  customerRequest: 'Qué quiere el cliente (opcional)',
  customerRequestExample: 'Una línea, p. ej. el reembolso del cargo de 450 $',
  recommendation: 'Tu recomendación (opcional)',
  recommendationExample: 'Una línea, p. ej. aprobar un abono único de 50 $',
  contactMethod: '¿Cómo debe contactar el equipo de cuentas al cliente?',
  methods: { call: 'Llamada', text: 'SMS', email: 'Correo' },
  phone: 'Teléfono del cliente',
  email: 'Correo electrónico del cliente',
  usingAddress: (address) => `Se usará ${address}`,
  knownContactOnly: 'Sospecha de fraude: usa un medio de contacto que la cuenta ya tenga.',
  urgency: 'Urgencia',
  urgencies: { standard: 'Normal (2-3 días)', urgent: 'Urgente (el mismo día)' },
  urgencyFixed: (urgency, reason) => `Fijada en ${urgency} por nuestros procedimientos: ${reason}.`,
  policyMandatory: 'Debe escalarse',
  level: (level) => `nivel ${level}`,
  priority: (priority) => `prioridad ${priorities[priority]}`,
  respondWithin: (w) => `responder ${within(w)}`,
  why: 'Por qué',
  teams: {
    account: 'Equipo de cuentas',
    billing: 'Equipo de facturación',
    technical: 'Soporte técnico',
    fraud: 'Equipo de fraude',
    legal: 'Legal / Cumplimiento',
    retention: 'Equipo de retención',
  },
  stillStuck: '¿Sigues con dudas? Pregunta a tu supervisor o llama a soporte:',
  submit: 'Escalar al equipo de cuentas',
  submitting: 'Escalando…',
  cancel: 'Cancelar',
  close: 'Cerrar',
  retry: 'Reintentar',
  errorsSummary: (count) => (count === 1 ? 'Un campo necesita tu atención.' : `${count} campos necesitan tu atención.`),
  successTitle: 'Escalado al equipo de cuentas',
  taskLine: (taskId, customer, title) => [`Tarea ${taskId}`, title, customer].filter(Boolean).join(' · '),
  reference: 'Referencia para el cliente',
  referenceFraud: 'Referencia, solo para tu registro: no se la des a quien llama',
  sentTo: (team) => `Enviado a: ${team}.`,
  answerBy: 'Plazo para responder:',
  notification: {
    pending: (team) => `Guardado: el correo de aviso (${team}) está en camino.`,
    sent: (team) => `Aviso enviado a: ${team}.`,
    failed: (team) => `Guardado, pero el correo de aviso (${team}) aún no ha salido: se volverá a intentar.`,
  },
  successSteps: (window, method) => [
    'La tarea se ha quitado de tu cola.',
    `Contactarán al cliente ${window} por ${method}.`,
    'Ya puedes tomar tu siguiente tarea.',
  ],
  tellCustomer: 'Qué decirle al cliente',
  queuedTitle: 'Guardado, aún no enviado',
  queuedBody:
    'Estás sin conexión o no se puede contactar con el servicio. Tu escalado está guardado en este dispositivo y se enviará solo en cuanto vuelva la conexión. No hace falta enviarlo otra vez.',
  outboxFailed: (detail) =>
    `Se guardó en este dispositivo, pero el servicio de escalado sigue fallando con él (${detail}). Revisa lo que escribiste y envíalo de nuevo.`,
  errorTitle: 'El escalado no se ha enviado',
  errorDetail: (error) =>
    error.kind === 'http'
      ? error.status === 401 || error.status === 403
        ? 'No tienes permiso para escalar: vuelve a iniciar sesión o consulta a un administrador.'
        : error.status === 409
          ? 'Este escalado ya se envió con otros datos.'
          : `El servicio lo ha rechazado (${error.status}). Revisa los campos e inténtalo de nuevo.`
      : error.kind === 'receipt'
        ? 'El servicio respondió de forma inesperada; inténtalo de nuevo.'
        : 'No se ha podido contactar con el servicio de escalado; inténtalo de nuevo.',
  hostDataInvalid: (detail) => `Los datos de esta tarea no se pueden enviar (${detail}). Consulta a un administrador.`,
  windows: { urgent: 'hoy', standard: 'en 2-3 días laborables' },
  timelines: { billing: 'en 3-5 días laborables' },
  scriptTeams: {
    account: 'equipo de cuentas',
    billing: 'equipo de facturación',
    technical: 'equipo de soporte técnico',
    fraud: 'equipo de fraude',
    legal: 'equipo legal',
    retention: 'equipo de retención',
  },
  script: {
    before: 'Voy a escalar esto a nuestro equipo de cuentas. Tienen más autoridad para ayudarle.',
    when: 'Nuestro {team} se pondrá en contacto con usted {window} por {method}.',
    frustrated: 'Lo escalo porque quiero que reciba la mejor ayuda posible.',
    methods: { call: 'teléfono', text: 'SMS', email: 'correo electrónico' },
  },
  frustratedLabel: 'Si está molesto:',
  noScript: 'Sospecha de fraude: no comente este escalado con quien llama.',
  fraudSteps: (team) => [
    'Termina la conversación con amabilidad, sin dar ninguna información sobre la cuenta ni sobre este escalado.',
    `Lo gestiona: ${team}. Contactará al cliente por un medio de contacto que la cuenta ya tenga.`,
  ],
  draftRestored: 'Se han recuperado tus notas anteriores de esta tarea.',
  stateTitle: (status) => `Escalado · ${status}`,
  stateBody: 'El equipo de cuentas tiene esta tarea. Se podrá enviar un nuevo escalado cuando este se resuelva.',
  stateLines: {
    reference: 'Referencia',
    team: 'Equipo',
    since: 'Estado desde',
    respondBy: 'Deben responder antes de',
    resolveBy: 'Resolver antes de',
  },
  alreadyTitle: (status) => `Ya escalado · ${status}`,
  alreadyBody: (reference) =>
    `Esta tarea ya tiene un escalado (referencia ${reference}). El equipo de cuentas lo tiene, así que no se ha enviado nada nuevo. Ya puedes tomar tu siguiente tarea.`,
  escalatedShort: 'Escalado',
  escalated: (status, ago, reference) => `Escalado · ${status} ${ago} · ref. ${reference}`,
  statuses: { open: 'abierto', contacted: 'contactado', waiting: 'esperando al cliente', resolved: 'resuelto' },
};
