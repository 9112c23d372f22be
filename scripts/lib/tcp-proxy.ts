// A TCP proxy on 127.0.0.1 for fault tests: forwards each connection to a target port, and can be cut (every
// open connection destroyed, new ones refused: what an unreachable host looks like to a client) and reopened on
// the same port. Neither side notices the proxy otherwise.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  /** Destroys every open connection and stops listening: connecting is refused until `open()`. */
  cut(): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(options: { port: number; targetPort: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        track(client);
        const upstream = connect({ host: '127.0.0.1', port: options.targetPort });
        track(upstream);
        // A target that is down (an app server being restarted) ends the client's connection: the sender sees an error and retries.
        upstream.once('error', () => client.destroy());
        client.once('error', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once('error', reject);
      next.listen(options.port, '127.0.0.1', () => {
        server = next;
        resolve();
      });
    });

  const stopListening = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    cut: stopListening,
    open: async () => {
      if (!server) await listen();
    },
    close: stopListening,
  };
}
