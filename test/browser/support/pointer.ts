/** A person's pointer, through web-test-runner's real mouse events (`sendMouse`). */
import { sendMouse } from '@web/test-runner-commands';

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The middle of `target` in the top page's coordinates (through iframes). */
export function centre(target: Element): [number, number] {
  target.scrollIntoView({ block: 'nearest' });
  const r = target.getBoundingClientRect();
  let x = r.left + r.width / 2;
  let y = r.top + r.height / 2;
  for (let w: Window | null = target.ownerDocument.defaultView; w?.frameElement; w = w.parent) {
    const f = w.frameElement.getBoundingClientRect();
    x += f.left;
    y += f.top;
  }
  return [Math.round(x), Math.round(y)];
}

/** A person's click: the primary button pressed on the middle of `target`, held 80 ms, released. */
export async function press(target: Element) {
  await sendMouse({ type: 'move', position: centre(target) });
  await sendMouse({ type: 'down' });
  await pause(80);
  await sendMouse({ type: 'up' });
  await pause(30);
}
