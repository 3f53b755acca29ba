/**
 * Arabic strings for the right-to-left story, so designers see a real RTL script (English in an
 * RTL container only shows punctuation on the wrong side). A preview of layout, not a shipped
 * locale: a host that ships Arabic should have its own wording reviewed by native speakers.
 */
import type { Deadline } from '@escalate-kit/sdk';
import type { EscalateStrings } from '@escalate-kit/element';

/** A deadline's `within` in Arabic words (the SDK's `describeWithin` is English). */
function within(w: Deadline['within']): string {
  if ('endOfBusinessDay' in w) return w.endOfBusinessDay === 0 ? 'قبل نهاية اليوم' : `قبل نهاية يوم العمل ${w.endOfBusinessDay}`;
  if ('minutes' in w) return w.minutes === 0 ? 'فورًا' : `خلال ${w.minutes} دقيقة`;
  if ('hours' in w) return `خلال ${w.hours} ساعة`;
  return `خلال ${w.businessDays} أيام عمل`;
}

const priorities = { critical: 'حرجة', high: 'عالية', medium: 'متوسطة', low: 'منخفضة' } as const;

export const ar: EscalateStrings = {
  locale: 'ar',
  label: 'تصعيد',
  notConfigured: 'التصعيد غير متاح: لم يُضبط عنوان للتصعيد.',
  noTask: 'التصعيد غير متاح: هذه المهمة بلا رقم.',
  dialogTitle: 'تصعيد إلى فريق الحسابات',
  dialogIntro: 'لن تقع في مشكلة بسبب التصعيد! فهذا هو الغرض منه.',
  category: 'الفئة',
  chooseCategory: 'اختر فئة',
  categoryUnsure: 'لست متأكدًا؟ اختر الأقرب.',
  fieldErrors: {
    category: 'اختر إحدى الفئات.',
    contactMethod: 'اختر طريقة التواصل مع العميل: اتصال أو رسالة نصية أو بريد إلكتروني.',
    phone: 'اكتب رقم هاتف من 7 إلى 15 رقمًا، مثل ‎+966 50 123 4567.',
    email: 'اكتب بريدًا إلكترونيًا، مثل name@example.com.',
  },
  categories: {
    complaint: { label: 'شكوى', hint: 'العميل غير راضٍ أو لديه مشكلة' },
    billing: { label: 'الفواتير', hint: 'المدفوعات والرسوم والمبالغ المستردة' },
    pricing: { label: 'الأسعار', hint: 'ملاحظات على عرض سعر أو تقدير' },
    technical: { label: 'تقني', hint: 'مشكلات في النظام أو المعدات' },
    other: { label: 'أخرى', hint: 'لا تناسب الفئات الأخرى' },
  },
  notes: 'اكتب ملاحظة قصيرة: ما المشكلة، وماذا جرّبت، ولماذا تصعّد',
  notesExample:
    'مثال: المشكلة: العميل يعترض على رسم بقيمة 450 دولارًا. جرّبت: شرحت السياسة وعرضت خطة سداد. السبب: العميل يطلب مديرًا ويهدد بالشكوى.',
  notesRequired: 'أضف ملاحظة: يقرؤها فريق الحسابات قبل التواصل مع العميل.',
  notesTooShort: (min) => `أضف المزيد (${min} حرفًا على الأقل): يحتاج فريق الحسابات إلى المشكلة وما جرّبته وسبب التصعيد.`,
  charCount: (count, max) => `${count} / ${max} حرف`,
  flagsLegend: 'ما تعرفه عن الحالة',
  flags: {
    managerRequested: 'يطلب مديرًا',
    legalThreat: 'يهدد بإجراء قانوني أو بجهة رقابية',
    upset: 'منزعج أو غاضب',
    fraudSuspected: 'احتمال احتيال',
    cancellation: 'يريد الإلغاء',
    vip: 'عميل مميز',
    multipleCustomersAffected: 'عدة عملاء متأثرون',
    troubleshootingExhausted: 'استُنفدت خطوات الحل',
    unknownAnswer: 'لا أعرف الإجابة',
  },
  fraudHint: 'احتمال احتيال: لا يستطيع إثبات هويته، أو تغيّر الحساب مؤخرًا، أو رسوم لم يُجرها، أو استبدال شريحة أو نقل رقم لم يطلبه…',
  amountKind: 'رصيد أو استرداد مطلوب',
  amountKinds: { none: 'لا شيء', credit: 'رصيد', refund: 'استرداد' },
  amountLabel: (currency) => `المبلغ (${currency})`,
  amountRequired: 'اكتب المبلغ الذي يطلبه العميل.',
  amountInvalid: 'اكتب المبلغ بالأرقام، مثل 120.50.',
  noticedTitle: 'لوحظ في ملاحظتك',
  noticed: (phrase, question) => `ورد «${phrase}»: ${question}`,
  flagQuestions: {
    managerRequested: 'هل تحدد أنه يطلب مديرًا؟',
    legalThreat: 'هل تحدد تهديدًا قانونيًا؟',
    upset: 'هل تحدد أنه منزعج؟',
    fraudSuspected: 'هل تحدد احتمال احتيال؟',
    cancellation: 'هل تحدد أنه يريد الإلغاء؟',
    vip: 'هل تحدده عميلًا مميزًا؟',
    multipleCustomersAffected: 'هل تحدد أن عدة عملاء متأثرون؟',
    troubleshootingExhausted: 'هل تحدد أن خطوات الحل استُنفدت؟',
    unknownAnswer: 'هل تحدد أنك لا تعرف الإجابة؟',
  },
  amountQuestion: (amount, as) =>
    as === 'refund'
      ? `هل تسجل استردادًا بقيمة ${amount}؟`
      : as === 'credit'
        ? `هل تسجل رصيدًا بقيمة ${amount}؟`
        : `هل ${amount} رصيد أم استرداد؟`,
  flag: 'تحديد',
  setAmount: 'تسجيل',
  dismiss: 'تجاهل',
  accepted: (what) => `سُجّل: ${what}.`,
  customerRequest: 'ماذا يريد العميل (اختياري)',
  customerRequestExample: 'سطر واحد، مثل استرداد رسم 450 دولارًا',
  recommendation: 'توصيتك (اختياري)',
  recommendationExample: 'سطر واحد، مثل الموافقة على رصيد لمرة واحدة بقيمة 50 دولارًا',
  contactMethod: 'كيف يتواصل فريق الحسابات مع العميل؟',
  methods: { call: 'اتصال', text: 'رسالة نصية', email: 'بريد إلكتروني' },
  phone: 'رقم هاتف العميل',
  email: 'البريد الإلكتروني للعميل',
  usingAddress: (address) => `سيُستخدم ${address}`,
  knownContactOnly: 'اشتباه احتيال: استخدم وسيلة تواصل موجودة في الحساب.',
  urgency: 'الأولوية',
  urgencies: { standard: 'عادية (2-3 أيام)', urgent: 'عاجلة (في اليوم نفسه)' },
  urgencyFixed: (urgency, reason) => `حُددت ${urgency} وفق إجراءاتنا: ${reason}.`,
  policyMandatory: 'يجب تصعيدها',
  level: (level) => `المستوى ${level}`,
  priority: (priority) => `أولوية ${priorities[priority]}`,
  respondWithin: (w) => `الرد ${within(w)}`,
  why: 'السبب',
  teams: {
    account: 'فريق الحسابات',
    billing: 'فريق الفواتير',
    technical: 'الدعم التقني',
    fraud: 'فريق مكافحة الاحتيال',
    legal: 'الفريق القانوني والامتثال',
    retention: 'فريق الاحتفاظ بالعملاء',
  },
  stillStuck: 'ما زلت عالقًا؟ اسأل مشرفك أو اتصل بالدعم:',
  submit: 'تصعيد إلى فريق الحسابات',
  submitting: 'جارٍ التصعيد…',
  cancel: 'إلغاء',
  close: 'إغلاق',
  retry: 'إعادة المحاولة',
  errorsSummary: (count) => (count === 1 ? 'حقل واحد يحتاج إلى انتباهك.' : `${count} حقول تحتاج إلى انتباهك.`),
  successTitle: 'صُعّدت إلى فريق الحسابات',
  taskLine: (taskId, customer, title) => [`المهمة ${taskId}`, title, customer].filter(Boolean).join(' · '),
  reference: 'المرجع الذي تعطيه للعميل',
  referenceFraud: 'المرجع لسجلاتك فقط: لا تعطه للمتصل',
  sentTo: (team) => `أُرسلت إلى ${team}.`,
  answerBy: 'يجب الرد قبل',
  notification: {
    pending: (team) => `حُفظت: البريد إلى ${team} في الطريق.`,
    sent: (team) => `أُبلغ ${team}.`,
    failed: (team) => `حُفظت، لكن البريد إلى ${team} لم يُرسل بعد: ستُعاد المحاولة.`,
  },
  successSteps: (window, method) => [
    'أُزيلت المهمة من قائمتك.',
    `سيتواصلون مع العميل ${window} عبر ${method}.`,
    'يمكنك الآن استلام مهمتك التالية.',
  ],
  tellCustomer: 'ماذا تقول للعميل',
  queuedTitle: 'حُفظت ولم تُرسل بعد',
  queuedBody:
    'أنت غير متصل أو لا يمكن الوصول إلى خدمة التصعيد. حُفظ التصعيد على هذا الجهاز وسيُرسل تلقائيًا عند عودة الاتصال. لا حاجة لإرساله مرة أخرى.',
  outboxFailed: (detail) => `حُفظ على هذا الجهاز، لكن خدمة التصعيد ما زالت تفشل في استقباله (${detail}). راجع ما كتبت ثم أرسله مجددًا.`,
  errorTitle: 'لم يُرسل التصعيد',
  errorDetail: (error) =>
    error.kind === 'http' ? `رفضته الخدمة (${error.status}). راجع الحقول وحاول مجددًا.` : 'تعذّر الوصول إلى خدمة التصعيد؛ حاول مجددًا.',
  hostDataInvalid: (detail) => `لا يمكن إرسال بيانات هذه المهمة (${detail}). راجع المسؤول.`,
  windows: { urgent: 'اليوم', standard: 'خلال 2-3 أيام عمل' },
  timelines: { billing: 'خلال 3-5 أيام عمل' },
  scriptTeams: {
    account: 'فريق الحسابات',
    billing: 'فريق الفواتير',
    technical: 'فريق الدعم التقني',
    fraud: 'فريق مكافحة الاحتيال',
    legal: 'الفريق القانوني',
    retention: 'فريق الاحتفاظ بالعملاء',
  },
  script: {
    before: 'سأصعّد هذا إلى فريق الحسابات لدينا. لديهم صلاحيات أكبر لمساعدتك.',
    when: 'سيتواصل معك {team} لدينا {window} عبر {method}.',
    frustrated: 'أصعّد الأمر لأنني أريد أن تحصل على أفضل مساعدة ممكنة.',
    methods: { call: 'الهاتف', text: 'رسالة نصية', email: 'البريد الإلكتروني' },
  },
  frustratedLabel: 'إذا كان منزعجًا:',
  noScript: 'اشتباه احتيال: لا تخبر المتصل بهذا التصعيد.',
  fraudSteps: (team) => [
    'أنهِ المحادثة بلطف دون إعطاء أي معلومات عن الحساب أو عن هذا التصعيد.',
    `سيتواصل ${team} مع العميل عبر وسيلة تواصل موجودة في الحساب.`,
  ],
  draftRestored: 'استُعيدت ملاحظاتك السابقة لهذه المهمة.',
  stateTitle: (status) => `صُعّدت · ${status}`,
  stateBody: 'فريق الحسابات يتابع هذه المهمة. يمكن إرسال تصعيد جديد بعد حل هذا التصعيد.',
  stateLines: { reference: 'المرجع', team: 'الفريق', since: 'الحالة منذ', respondBy: 'يجب الرد قبل', resolveBy: 'الحل قبل' },
  alreadyTitle: (status) => `صُعّدت من قبل · ${status}`,
  alreadyBody: (reference) =>
    `لهذه المهمة تصعيد قائم (المرجع ${reference}). فريق الحسابات يتابعه، لذلك لم يُرسل شيء جديد. يمكنك استلام مهمتك التالية.`,
  escalatedShort: 'صُعّدت',
  escalated: (status, ago, reference) => `صُعّدت · ${status} ${ago} · المرجع ${reference}`,
  statuses: { open: 'مفتوح', contacted: 'تم التواصل', waiting: 'بانتظار العميل', resolved: 'محلول' },
};
