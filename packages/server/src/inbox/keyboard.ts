/**
 * The inbox's keyboard shortcuts: j and k move through the list (opening each escalation), and
 * single letters press the open escalation's buttons (c claim, t contacted, w waiting, r resolved)
 * when that button is offered. Plain letters are heard only while focus is in the list or the
 * open escalation, never while typing in a field, and never with a modifier: a screen reader's
 * browse mode and the browser's own shortcuts keep their keys.
 */

export interface Shortcut {
  key: string;
  words: string;
  /** The button in the open escalation the key presses, when it is offered. */
  button?: string;
}

export const shortcuts: readonly Shortcut[] = [
  { key: 'j', words: 'Next escalation in the list, opened' },
  { key: 'k', words: 'Previous escalation in the list, opened' },
  { key: 'Enter', words: 'Open the escalation whose task has focus' },
  { key: 'c', words: 'Claim the open escalation', button: 'button[data-action="claim"]' },
  { key: 't', words: 'Mark it contacted', button: 'button[data-to="contacted"]' },
  { key: 'w', words: 'Waiting on the customer', button: 'button[data-to="waiting"]' },
  { key: 'r', words: 'Mark it resolved', button: 'button[data-to="resolved"]' },
];

export interface ShortcutHost {
  /** The list's escalation ids, in order. */
  ids(): readonly string[];
  selectedId(): string | undefined;
  /** Opens `id`, focus on its row in the list. */
  open(id: string): void;
  /** Where the open escalation's buttons are. */
  detail(): ParentNode | null;
}

/** Where typing goes to the field, not to a shortcut. */
const typing = (target: EventTarget | undefined) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Handles a keydown inside the list or the detail; true when it was a shortcut. */
export function onShortcut(e: KeyboardEvent, host: ShortcutHost): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.composedPath()[0])) return false;
  if (e.key === 'j' || e.key === 'k') {
    const ids = host.ids();
    if (!ids.length) return false;
    // From the row that has focus, else from the open escalation.
    const row = (e.composedPath()[0] as Element | undefined)?.closest?.('tr[data-id]') as HTMLElement | null | undefined;
    const at = ids.indexOf(row?.dataset.id ?? host.selectedId() ?? '');
    const next = at < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)));
    e.preventDefault();
    host.open(ids[next]!);
    return true;
  }
  const shortcut = shortcuts.find((s) => s.button && s.key === e.key);
  const button = shortcut && host.detail()?.querySelector<HTMLButtonElement>(shortcut.button!);
  if (!button || button.disabled) return false;
  e.preventDefault();
  button.click();
  return true;
}
