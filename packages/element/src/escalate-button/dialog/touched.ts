/**
 * Which fields show their problems: those the agent has left, once any press in progress has
 * landed. An error that appeared on press would move the controls below it, and the release
 * would fall on something else (a lost click on "Urgent" or on submit).
 */
import type { ReactiveControllerHost } from 'lit';

/** How long after a pointer is released a click may still follow (touch sends it late). */
const CLICK_GRACE_MS = 300;

export class Touched<F extends string> {
  readonly #host: ReactiveControllerHost & Pick<HTMLElement, 'ownerDocument'>;
  readonly #fields: readonly F[];
  #touched = new Set<F>();
  /** Fields left while a pointer was down: their errors wait until its click has landed. */
  #leftDuringPress = new Set<F>();
  #pressing = false;

  constructor(host: ReactiveControllerHost & Pick<HTMLElement, 'ownerDocument'>, fields: readonly F[]) {
    this.#host = host;
    this.#fields = fields;
  }

  has(field: F): boolean {
    return this.#touched.has(field);
  }

  /** Whether any field shows its problems yet. */
  get any(): boolean {
    return this.#touched.size > 0;
  }

  /** A choice committed at once (a radio, a select): its problems show now. */
  add(field: F) {
    this.#touched.add(field);
  }

  clear() {
    this.#touched.clear();
  }

  /** The agent left a field: its problems show now, or once the press in progress has landed. */
  left(name: string) {
    const field = name as F;
    if (!this.#fields.includes(field) || this.#touched.has(field)) return;
    if (this.#pressing) {
      this.#leftDuringPress.add(field);
      return;
    }
    this.#touched.add(field);
    this.#host.requestUpdate();
  }

  /** A press inside the dialog: hold back blur errors until its click has landed. */
  pressed() {
    if (this.#pressing) return;
    this.#pressing = true;
    const win = this.#host.ownerDocument.defaultView ?? globalThis;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      win.removeEventListener('click', afterClick, true);
      clearTimeout(timer);
      this.#pressing = false;
      if (!this.#leftDuringPress.size) return;
      for (const f of this.#leftDuringPress) this.#touched.add(f);
      this.#leftDuringPress.clear();
      this.#host.requestUpdate();
    };
    // After the click's own handlers: a radio is checked, a submit has run.
    const afterClick = () => void setTimeout(settle, 0);
    const released = () => {
      win.removeEventListener('pointerup', released, true);
      win.removeEventListener('pointercancel', released, true);
      win.addEventListener('click', afterClick, { capture: true, once: true });
      // A release that makes no click (dragged off the control) still shows the errors.
      timer = setTimeout(settle, CLICK_GRACE_MS);
    };
    win.addEventListener('pointerup', released, true);
    win.addEventListener('pointercancel', released, true);
  }
}
