import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Like a database restart seen from the app: every open connection is dropped, new ones are refused. */
  cut(): void;
  /** The database is back: new connections go through again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a server (PostgreSQL here), so a test can take the database away from the app and bring
 * it back — connections reset mid-query, new ones refused — without stopping a server it may not own.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the proxy has no port');
  return {
    port: address.port,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      down = false;
    },
    async close() {
      down = true;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A relay in front of the PostgreSQL server of `url`, and the same URL through it. */
export async function relayDatabase(url: string): Promise<{ relay: TcpProxy; url: string }> {
  const target = new URL(url);
  const relay = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const through = new URL(url);
  through.hostname = '127.0.0.1';
  through.port = String(relay.port);
  return { relay, url: through.toString() };
}
