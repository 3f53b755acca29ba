/**
 * Loading the dialog's module (the dialog, the form, the SDK, ky and zod) for every
 * `<escalate-button>` of the page: on the first sign of intent, or once the page is idle.
 */
// A task list of closed buttons pays only for Lit and the shell until then.
type DialogModule = typeof import('./dialog/escalate-dialog.ts');
/** What warming a button up needs of it. */
type WarmUpHost = Parameters<DialogModule['warmUp']>[0] & { readonly isConnected: boolean; readonly unavailableReason: string | undefined };
let dialogModule: Promise<DialogModule> | undefined;
/** The module once it has arrived, for what the shell renders with it (an escalated task's line). */
export let loaded: DialogModule | undefined;
export const loadDialog = () => (dialogModule ??= import('./dialog/escalate-dialog.ts').then((m) => (loaded = m)));

/**
 * Intent to open (the pointer entering a button, focus reaching one) starts loading the dialog.
 * Heard once for the whole page rather than by a listener per button, and only until the
 * dialog has loaded. composedPath: a button inside another element's shadow root counts too.
 */
let intentHeard = false;
export function hearIntent(isButton: (node: EventTarget) => boolean) {
  if (intentHeard) return;
  intentHeard = true;
  const onIntent = (e: Event) => {
    if (!e.composedPath().some(isButton)) return;
    void loadDialog();
    // The dialog's first read of its draft opens sessionStorage, which waits on the browser
    // process (0.4-1.7 ms on a quiet machine, more under load): opened now, while the dialog's
    // code is still on its way, rather than after it arrived.
    try {
      void sessionStorage.length;
    } catch {
      // Sandboxed frames throw here; the dialog does without drafts there (draft.ts).
    }
    document.removeEventListener('pointerover', onIntent, true);
    document.removeEventListener('focusin', onIntent, true);
  };
  document.addEventListener('pointerover', onIntent, true);
  document.addEventListener('focusin', onIntent, true);
}

/**
 * Buttons connected since the page was last idle. Once idle, the dialog's module loads and
 * warms each one up (its endpoint's shared client sends what a previous page load left in the
 * outbox): one idle callback for the page, not one per button.
 */
const warming = new Set<WarmUpHost>();
export function warmUpWhenIdle(button: WarmUpHost) {
  if (typeof requestIdleCallback !== 'function') return;
  if (!warming.size) {
    requestIdleCallback(
      () => {
        const batch = [...warming];
        warming.clear();
        void loadDialog().then((m) => {
          for (const el of batch) if (el.isConnected && !el.unavailableReason) m.warmUp(el);
        });
      },
      { timeout: 5000 },
    );
  }
  warming.add(button);
}
