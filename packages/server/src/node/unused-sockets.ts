/**
 * Connections that have not sent a byte yet (a browser's preconnect), so that closing can end
 * them. Node counts such a connection as busy (its headers timeout watches it), so
 * `closeIdleConnections()` leaves it, and `server.close()` stops that watch: one of them held
 * `close()` open for as long as the browser kept it (the clean-clone CI's visual suite waited on
 * one for good, its browser closed only after).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Starts tracking `server`'s connections; returns how to destroy those that never sent a byte. */
export function trackUnusedSockets(server: Server): () => void {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return () => {
    // A request under way has sent its first bytes: it is answered, then its socket goes idle
    // and ends at the keep-alive timeout.
    for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
  };
}
