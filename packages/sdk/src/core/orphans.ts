/**
 * Sends a closed or reloaded page cut short. Their entry stays in the outbox (it is written before
 * the first attempt), and the next page load sends it; but the agent's other tabs, which share the
 * outbox, would not look until one of them failed or loaded again. So a page that goes away with
 * sends under way says so on a BroadcastChannel, and the clients of the same endpoint in the other
 * tabs flush at once. The server answers a send that did get through as a duplicate.
 */

/**
 * Starts listening; returns the function that stops it. A no-op where there is no page or no
 * BroadcastChannel (Node, old browsers): there the next client to start flushes what was left.
 */
export function watchOrphans(endpoint: string, inFlight: () => number, flush: () => void): () => void {
  if (typeof window === 'undefined' || typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(`escalate-kit:outbox:${endpoint}`);
  channel.onmessage = () => flush();
  // `pagehide`, not `unload`: it fires for closed tabs, reloads and pages entering the back/forward cache.
  const onPageHide = () => {
    if (inFlight() > 0) channel.postMessage('cut-short');
  };
  window.addEventListener('pagehide', onPageHide);
  return () => {
    window.removeEventListener('pagehide', onPageHide);
    channel.close();
  };
}
