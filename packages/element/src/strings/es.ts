/**
 * Spanish. Pass it as `strings` (`import { es } from '@escalate-kit/element/strings/es'`).
 * Category and team ids stay the same on the wire; only what people read changes.
 */
import type { EscalateStrings } from './en.ts';

export const es: EscalateStrings = {
  label: 'Escalar',
  notConfigured: 'No se puede escalar: no hay un endpoint de escalado configurado.',
  noTask: 'No se puede escalar: esta tarea no tiene identificador.',
  dialogTitle: 'Escalar al equipo de cuentas',
  dialogIntro: '¡Escalar no te traerá problemas! Para eso está.',
  category: 'Categoría',
  chooseCategory: 'Elige una categoría',
  fieldErrors: {
    category: 'Elige una de las categorías.',
    notes: 'Escribe una nota de hasta 5000 caracteres, sin caracteres de control.',
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
  contactMethod: '¿Cómo debe contactar el equipo de cuentas al cliente?',
  methods: { call: 'Llamada', text: 'SMS', email: 'Correo' },
  phone: 'Teléfono del cliente',
  email: 'Correo electrónico del cliente',
  usingAddress: (address) => `Se usará ${address}`,
  urgency: 'Urgencia',
  urgencies: { standard: 'Normal (2-3 días)', urgent: 'Urgente (el mismo día)' },
  urgencyFixed: (urgency, reason) => `Fijada en ${urgency} por nuestros procedimientos: ${reason}.`,
  policyMandatory: 'Debe escalarse.',
  policyTeam: (team) => `Sugerido: ${team}.`,
  teams: {
    account: 'Equipo de cuentas',
    billing: 'Equipo de facturación',
    technical: 'Soporte técnico',
    fraud: 'Equipo de fraude',
    legal: 'Legal / Cumplimiento',
    retention: 'Equipo de retención',
  },
  submit: 'Escalar al equipo de cuentas',
  submitting: 'Escalando…',
  cancel: 'Cancelar',
  close: 'Cerrar',
  retry: 'Reintentar',
  errorsSummary: (count) => (count === 1 ? 'Un campo necesita tu atención.' : `${count} campos necesitan tu atención.`),
  successTitle: 'Escalado al equipo de cuentas',
  taskLine: (taskId, customer, title) => [`Tarea ${taskId}`, title, customer].filter(Boolean).join(' · '),
  successSteps: (window, method) => [
    'La tarea se ha quitado de tu cola.',
    'El equipo de cuentas ha sido avisado.',
    `Contactarán al cliente ${window} por ${method}.`,
    'Ya puedes tomar tu siguiente tarea.',
  ],
  tellCustomer: 'Qué decirle al cliente',
  queuedTitle: 'Guardado, aún no enviado',
  queuedBody:
    'Estás sin conexión o no se puede contactar con el servicio. Tu escalado está guardado en este dispositivo y se enviará solo en cuanto vuelva la conexión. No hace falta enviarlo otra vez.',
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
  script: {
    before: 'Voy a escalar esto a nuestro equipo de cuentas. Tienen más autoridad para ayudarle.',
    when: 'Alguien se pondrá en contacto con usted {window} por {method}.',
    frustrated: 'Lo escalo porque quiero que reciba la mejor ayuda posible.',
    methods: { call: 'teléfono', text: 'SMS', email: 'correo electrónico' },
  },
  frustratedLabel: 'Si está molesto:',
  noScript: 'Sospecha de fraude: no comente este escalado con quien llama.',
  draftRestored: 'Se han recuperado tus notas anteriores de esta tarea.',
  alreadyTitle: (status) => `Ya escalado · ${status}`,
  alreadyBody: (reference) =>
    `Esta tarea ya tiene un escalado (referencia ${reference}). El equipo de cuentas lo tiene, así que no se ha enviado nada nuevo. Ya puedes tomar tu siguiente tarea.`,
  statuses: { open: 'abierto', contacted: 'contactado', resolved: 'resuelto' },
};
