/**
 * What an agent typed, kept per task in sessionStorage: it survives an accidental close or a
 * reload of the tab, and is gone when the tab is closed or the escalation is sent.
 */
import { signalNames, type ContactMethod, type SignalName, type Urgency } from '@escalate-kit/sdk';

/** A credit or a refund asked for, or neither. */
export type AmountKind = '' | 'credit' | 'refund';

export interface Draft {
  category: string;
  notes: string;
  contactMethod: ContactMethod | '';
  phone: string;
  email: string;
  urgency: Urgency;
  /** The yes/no signals the agent has set (the host's `signals` start them). */
  flags: Partial<Record<SignalName, boolean>>;
  amountKind: AmountKind;
  /** As typed: it is parsed when sent, so a half-typed "12." is kept as it is. */
  amount: string;
  /** What the customer wants, in one line. */
  customerRequest: string;
  /** What the agent recommends, in one line. */
  recommendation: string;
  /** Suggestions the agent dismissed (signal and phrase): they do not come back. */
  dismissed: string[];
}

const key = (taskId: string) => `escalate-kit:draft:${taskId}`;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Sandboxed iframes and some privacy modes throw on access: then there is no draft.
    return undefined;
  }
}

/**
 * The stored draft, keeping only what has the right shape: storage is shared with the rest of the
 * page and outlives versions of this form, so a stray value must not reach the wire.
 */
export function loadDraft(taskId: string): Partial<Draft> | undefined {
  try {
    const raw = storage()?.getItem(key(taskId));
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    if (!value || typeof value !== 'object') return undefined;
    const draft = value as Partial<Draft>;
    const { flags, dismissed } = draft;
    if (flags !== undefined) {
      const given = (typeof flags === 'object' && flags) || {};
      draft.flags = Object.fromEntries(signalNames.filter((n) => typeof given[n] === 'boolean').map((n) => [n, given[n]]));
    }
    if (dismissed !== undefined) draft.dismissed = Array.isArray(dismissed) ? dismissed.filter((d) => typeof d === 'string') : [];
    return draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(taskId: string, draft: Draft): void {
  try {
    storage()?.setItem(key(taskId), JSON.stringify(draft));
  } catch {
    // Quota exceeded: the form still works, only the safety net is missing.
  }
}

export function clearDraft(taskId: string): void {
  storage()?.removeItem(key(taskId));
}
