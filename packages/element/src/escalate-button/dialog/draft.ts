/**
 * What an agent typed, kept per task in sessionStorage: it survives an accidental close or a
 * reload of the tab, and is gone when the tab is closed or the escalation is sent.
 */
import type { ContactMethod, Urgency } from '@escalate-kit/sdk';

export interface Draft {
  category: string;
  notes: string;
  contactMethod: ContactMethod | '';
  phone: string;
  email: string;
  urgency: Urgency;
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

export function loadDraft(taskId: string): Partial<Draft> | undefined {
  try {
    const raw = storage()?.getItem(key(taskId));
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    return value && typeof value === 'object' ? (value as Partial<Draft>) : undefined;
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
