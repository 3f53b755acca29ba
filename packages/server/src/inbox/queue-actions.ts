/**
 * What the account team does to one escalation from the inbox (change its status with the note
 * typed on it, claim, release, assign) and what the shell does when others change things (the
 * live events): each says what happened in the status line or what went wrong in the alert.
 */
import type { EscalationStatus, StoredEscalation } from '../types.ts';
import type { InboxApi } from './api.ts';
import { newWords } from './live.ts';

/** The shell's state these read and write. */
export interface QueueHost {
  readonly api: InboxApi;
  selected(): StoredEscalation | undefined;
  /** Shows `item` as the open escalation, if it still is (someone may have opened another meanwhile). */
  refresh(item: StoredEscalation): void;
  items(): readonly StoredEscalation[];
  /** Says it in the status line (the page's one polite live region). */
  say(message: string): void;
  /** Clears the alert before an action. */
  clearError(): void;
  draft(id: string): string | undefined;
  setDraft(id: string, text: string): void;
  report(e: unknown): void;
  load(): Promise<void>;
  names(userId: string): string | undefined;
}

export function queueActions(host: QueueHost) {
  const { api } = host;

  /**
   * Runs a change of one escalation and says what happened; a refusal (someone else claimed it
   * meanwhile: 409 naming the owner) is shown in the alert, and the escalation is read again so
   * the screen says how it is now.
   */
  async function act(id: string, done: string, change: () => Promise<StoredEscalation>) {
    host.clearError();
    try {
      const updated = await change();
      host.refresh(updated);
      host.say(`Task ${updated.request.taskId} ${done}.`);
    } catch (e) {
      host.report(e);
      const fresh = await api.get(id).catch(() => undefined);
      if (fresh) host.refresh(fresh);
    }
    await host.load();
  }

  return {
    /** Saves a status change with the note typed on that escalation. */
    mark: (id: string, status: EscalationStatus) => {
      const note = host.draft(id)?.trim();
      return act(id, `marked ${status}`, async () => {
        const updated = await api.mark(id, status, note);
        // Saved: the note is in the history now. Only what was sent is cleared; anything typed
        // meanwhile stays in the box.
        if (host.draft(id)?.trim() === note) host.setDraft(id, '');
        return updated;
      });
    },
    claim: (id: string) => act(id, 'is yours', () => api.claim(id)),
    release: (id: string) => act(id, 'released', () => api.release(id)),
    assign: (id: string, userId: string) => act(id, `assigned to ${host.names(userId) ?? 'them'}`, () => api.assign(id, userId)),

    /** Live events came: the list again, the open escalation if it was among them, and new ones said once. */
    async reloadLive(ids: ReadonlySet<string>, created: readonly string[]) {
      const open = host.selected()?.id;
      const detail = open && ids.has(open) ? api.get(open).catch(() => undefined) : undefined;
      await host.load();
      const fresh = await detail;
      if (fresh) host.refresh(fresh);
      if (!created.length) return;
      const known = new Map(host.items().map((i) => [i.id, i.request.taskId]));
      // One outside this view (filtered out) is read for its task id; a flood is counted, not read out.
      const tasks = await Promise.all(
        created.slice(0, 3).map(
          (id) =>
            known.get(id) ??
            api.get(id).then(
              (i) => i.request.taskId,
              () => '',
            ),
        ),
      );
      host.say(newWords(tasks.filter(Boolean), created.length));
    },
  };
}

/** `drafts` with the note typed on `id` (none when empty): a new map, so the shell re-renders. */
export function withDraft(drafts: ReadonlyMap<string, string>, id: string, text: string): Map<string, string> {
  const next = new Map(drafts);
  if (text) next.set(id, text);
  else next.delete(id);
  return next;
}
