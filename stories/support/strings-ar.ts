/**
 * Arabic strings for the right-to-left story, so designers see a real RTL script (English in an
 * RTL container only shows punctuation on the wrong side). A preview of layout, not a shipped
 * locale: a host that ships Arabic should have its own wording reviewed by native speakers.
 */
import type { EscalateStrings } from '@escalate-kit/element';

export const ar: EscalateStrings = {
  label: 'تصعيد',
  notConfigured: 'التصعيد غير متاح: لم يُضبط عنوان للتصعيد.',
  noTask: 'التصعيد غير متاح: هذه المهمة بلا رقم.',
  dialogTitle: 'تصعيد إلى فريق الحسابات',
  dialogIntro: 'لن تقع في مشكلة بسبب التصعيد! فهذا هو الغرض منه.',
  category: 'الفئة',
  chooseCategory: 'اختر فئة',
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
  contactMethod: 'كيف يتواصل فريق الحسابات مع العميل؟',
  methods: { call: 'اتصال', text: 'رسالة نصية', email: 'بريد إلكتروني' },
  phone: 'رقم هاتف العميل',
  email: 'البريد الإلكتروني للعميل',
  usingAddress: (address) => `سيُستخدم ${address}`,
  urgency: 'الأولوية',
  urgencies: { standard: 'عادية (2-3 أيام)', urgent: 'عاجلة (في اليوم نفسه)' },
  urgencyFixed: (urgency, reason) => `حُددت ${urgency} وفق إجراءاتنا: ${reason}.`,
  policyMandatory: 'يجب تصعيدها.',
  policyTeam: (team) => `المقترح: ${team}.`,
  teams: {
    account: 'فريق الحسابات',
    billing: 'فريق الفواتير',
    technical: 'الدعم التقني',
    fraud: 'فريق مكافحة الاحتيال',
    legal: 'الفريق القانوني والامتثال',
    retention: 'فريق الاحتفاظ بالعملاء',
  },
  submit: 'تصعيد إلى فريق الحسابات',
  submitting: 'جارٍ التصعيد…',
  cancel: 'إلغاء',
  close: 'إغلاق',
  retry: 'إعادة المحاولة',
  errorsSummary: (count) => (count === 1 ? 'حقل واحد يحتاج إلى انتباهك.' : `${count} حقول تحتاج إلى انتباهك.`),
  successTitle: 'صُعّدت إلى فريق الحسابات',
  taskLine: (taskId, customer, title) => [`المهمة ${taskId}`, title, customer].filter(Boolean).join(' · '),
  successSteps: (window, method) => [
    'أُزيلت المهمة من قائمتك.',
    'أُبلغ فريق الحسابات.',
    `سيتواصلون مع العميل ${window} عبر ${method}.`,
    'يمكنك الآن استلام مهمتك التالية.',
  ],
  tellCustomer: 'ماذا تقول للعميل',
  queuedTitle: 'حُفظت ولم تُرسل بعد',
  queuedBody:
    'أنت غير متصل أو لا يمكن الوصول إلى خدمة التصعيد. حُفظ التصعيد على هذا الجهاز وسيُرسل تلقائيًا عند عودة الاتصال. لا حاجة لإرساله مرة أخرى.',
  errorTitle: 'لم يُرسل التصعيد',
  errorDetail: (error) =>
    error.kind === 'http' ? `رفضته الخدمة (${error.status}). راجع الحقول وحاول مجددًا.` : 'تعذّر الوصول إلى خدمة التصعيد؛ حاول مجددًا.',
  hostDataInvalid: (detail) => `لا يمكن إرسال بيانات هذه المهمة (${detail}). راجع المسؤول.`,
  windows: { urgent: 'اليوم', standard: 'خلال 2-3 أيام عمل' },
  script: {
    before: 'سأصعّد هذا إلى فريق الحسابات لدينا. لديهم صلاحيات أكبر لمساعدتك.',
    when: 'سيتواصل معك أحدهم {window} عبر {method}.',
    frustrated: 'أصعّد الأمر لأنني أريد أن تحصل على أفضل مساعدة ممكنة.',
    methods: { call: 'الهاتف', text: 'رسالة نصية', email: 'البريد الإلكتروني' },
  },
  frustratedLabel: 'إذا كان منزعجًا:',
  noScript: 'اشتباه احتيال: لا تخبر المتصل بهذا التصعيد.',
  draftRestored: 'استُعيدت ملاحظاتك السابقة لهذه المهمة.',
  alreadyTitle: (status) => `صُعّدت من قبل · ${status}`,
  alreadyBody: (reference) =>
    `لهذه المهمة تصعيد قائم (المرجع ${reference}). فريق الحسابات يتابعه، لذلك لم يُرسل شيء جديد. يمكنك استلام مهمتك التالية.`,
  statuses: { open: 'مفتوح', contacted: 'تم التواصل', resolved: 'محلول' },
};
