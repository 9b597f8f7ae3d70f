import net from "node:net";

export interface TcpProxy {
  /** The port it listens on (picked by the system). */
  port: number;
  /** From now on no byte passes either way and new connections get nothing: a hung server or a stalled network. */
  freeze: () => void;
  /** Delivers what was held back and forwards again. */
  thaw: () => void;
  close: () => Promise<void>;
}

/** Forwards a free 127.0.0.1 port to 127.0.0.1:`targetPort`, byte for byte, until frozen. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let frozen = false;
  const flushes = new Set<() => void>();
  const sockets = new Set<net.Socket>();

  const forward = (from: net.Socket, to: net.Socket) => {
    const held: Buffer[] = [];
    const flush = () => {
      for (const chunk of held.splice(0)) to.write(chunk);
    };
    flushes.add(flush);
    from.on("data", (chunk: Buffer) => {
      if (frozen) held.push(chunk);
      else to.write(chunk);
    });
    from.on("close", () => {
      flushes.delete(flush);
      to.destroy();
    });
    from.on("error", () => to.destroy());
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const flush of flushes) flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
