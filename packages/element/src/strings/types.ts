/**
 * The shape of the widget's words: every locale (`en.ts`, `es.ts`, a host's own) is an object of
 * this type, and a host overrides any entry through the `strings` property.
 */
import type { ContactMethod, Deadline, EscalationPolicy, Priority, SignalName, Urgency } from '@escalate-kit/sdk';

/** A field of the form, as `fieldErrors` names it. */
export type StringsField = 'category' | 'notes' | 'amount' | 'customerRequest' | 'recommendation' | 'contactMethod' | 'phone' | 'email';

export interface EscalateStrings {
  /**
   * The language these strings are in (BCP 47, e.g. `es`): the language of the agent's note, whose
   * phrases the form notices (the policy's `phrases`), and of dates. A host's strings that leave it
   * out use the closest `lang` around the button.
   */
  locale: string;
  label: string;
  notConfigured: string;
  noTask: string;
  /**
   * The button of a task whose escalation is under way: its status (from `statuses`), how long
   * ago it got there (`Intl.RelativeTimeFormat` in `locale`) and its reference.
   */
  escalated: (status: string, ago: string, reference: string) => string;
  /** The same button until the full line can be written (the dialog's module is loading): "Escalated". */
  escalatedShort: string;
  dialogTitle: string;
  dialogIntro: string;
  category: string;
  chooseCategory: string;
  /** Under Category, for an agent torn between two. */
  categoryUnsure: string;
  /**
   * One message per field, replacing the SDK's (English, more specific) messages when given:
   * a locale sets these so errors read in its language.
   */
  fieldErrors?: Partial<Record<StringsField, string>>;
  /** Category names and hints by id; unknown ids fall back to the host's own labels. */
  categories: Record<string, { label: string; hint?: string }>;
  notes: string;
  notesExample: string;
  /** The note is empty. Not the label again: what is missing and why it matters. */
  notesRequired: string;
  /** The note is shorter than the policy's `notes.minLength`. */
  notesTooShort: (min: number) => string;
  charCount: (count: number, max: number) => string;

  /** The legend of the toggles: what the agent knows about the case. */
  flagsLegend: string;
  /** One short label per signal (docs/policy.md#signals). */
  flags: Record<SignalName, string>;
  /** The red flags of suspected fraud (docs/policy.md#fraud), said under the toggles. */
  fraudHint: string;
  /** The label of the credit-or-refund choice. */
  amountKind: string;
  amountKinds: { none: string; credit: string; refund: string };
  /** The amount field's label, with the currency it is in. */
  amountLabel: (currency: string) => string;
  /** A credit or refund is chosen but no amount is typed. */
  amountRequired: string;
  /** The amount is not a plain number. */
  amountInvalid: string;

  /** Above the suggestions noticed in the note (docs/policy.md#noticed-as-typed). */
  noticedTitle: string;
  /** One suggestion: the phrase as written, and the question it raises. */
  noticed: (phrase: string, question: string) => string;
  /** The question each signal raises ("flag a legal threat?"). */
  flagQuestions: Record<SignalName, string>;
  /** The question an amount raises: `as` when the words around it say which. */
  amountQuestion: (amount: string, as?: 'credit' | 'refund') => string;
  flag: string;
  setAmount: string;
  dismiss: string;
  /** Announced once a suggestion is taken. */
  accepted: (what: string) => string;

  customerRequest: string;
  customerRequestExample: string;
  recommendation: string;
  recommendationExample: string;

  contactMethod: string;
  methods: Record<ContactMethod, string>;
  phone: string;
  email: string;
  usingAddress: (address: string) => string;
  /** Suspected fraud and no address of the account for the chosen method (docs/policy.md#fraud). */
  knownContactOnly: string;
  urgency: string;
  urgencies: Record<Urgency, string>;
  /** The policy fixed the urgency (fraud): which one, and the rule's reason. */
  urgencyFixed: (urgency: string, reason: string) => string;

  /** First on the routing line when the policy says the case must be escalated. */
  policyMandatory: string;
  /** The level a rule sent it to, on the routing line. */
  level: (level: number) => string;
  priority: (priority: Priority) => string;
  /** The earliest answer any rule asks for, from the SDK's `deadlines()`. */
  respondWithin: (within: Deadline['within']) => string;
  /** Names the rules' reasons under the routing line. */
  why: string;
  teams: Record<string, string>;
  /** Under the form: who to ask; the support number follows. */
  stillStuck: string;

  submit: string;
  submitting: string;
  cancel: string;
  close: string;
  retry: string;
  errorsSummary: (count: number) => string;
  successTitle: string;
  /** What the customer is given to quote, and (fraud) what the agent keeps to themselves. */
  reference: string;
  referenceFraud: string;
  /** The team the server sent it to. */
  sentTo: (team: string) => string;
  /** Before the respond-by time, in the agent's local time. */
  answerBy: string;
  /** Where the e-mail to the team stands (the receipt's `notification`): "notified" only once it is sent. */
  notification: Record<'pending' | 'sent' | 'failed', (team: string) => string>;
  successSteps: (window: string, method: string) => string[];
  taskLine: (taskId: string, customer?: string, title?: string) => string;
  tellCustomer: string;
  queuedTitle: string;
  queuedBody: string;
  /** A queued escalation the outbox gave up on (the server keeps failing on it); `detail` is `errorDetail`'s. */
  outboxFailed: (detail: string) => string;
  errorTitle: string;
  /** The detail of a failure, from the SDK's typed error (`kind`, `status`, `message`). */
  errorDetail: (error: { kind?: string; status?: number; message: string }) => string;
  /** The host passed data the contract refuses (e.g. a 300-character customer name). */
  hostDataInvalid: (detail: string) => string;
  /** When the customer is contacted, as said to the customer ("today", "within 2-3 business days"). */
  windows: Record<Urgency, string>;
  /** A team's own timeline as said to the customer (billing: "within 3-5 business days"), by team id. */
  timelines: Record<string, string>;
  /** Teams as named to the customer ("our billing team"), by team id. */
  scriptTeams: Record<string, string>;
  /** The customer script of "How to Escalate"; `{team}`, `{window}` and `{method}` are filled in. */
  script: EscalationPolicy['script'];
  frustratedLabel: string;
  noScript: string;
  /** What to do instead of the script when fraud is suspected; `team` is the team it went to. */
  fraudSteps: (team: string) => string[];
  draftRestored: string;
  /** The task already has an escalation that is not resolved (409 `task_already_escalated`). */
  alreadyTitle: (status: string) => string;
  alreadyBody: (reference: string) => string;
  /** Escalation statuses as the agent reads them. */
  statuses: Record<string, string>;
  /** The read-only panel of a task already escalated: its title, with the status. */
  stateTitle: (status: string) => string;
  /** Under the title: why there is no form. */
  stateBody: string;
  /** The labels of the panel's lines. */
  stateLines: { reference: string; team: string; since: string; respondBy: string; resolveBy: string };
}
