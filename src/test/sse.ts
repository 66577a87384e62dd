import { request as httpRequest, type IncomingMessage } from 'node:http';

/** A server-sent event stream read over real HTTP: its status, the blocks received, and waiting for one. */
export function readEvents(url: string, headers: Record<string, string>): { events: string[]; status: Promise<number>; ready: Promise<void>; next(match: (data: string) => boolean, ms?: number): Promise<string>; close(): void } {
  const events: string[] = [];
  const waiters: Array<() => void> = [];
  let res: IncomingMessage | undefined;
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const req = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (r) => {
      res = r;
      resolve(r.statusCode ?? 0);
      let buffer = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => {
        buffer += chunk;
        let at;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (block.includes('event: ready')) readyResolve();
          events.push(block);
          for (const w of waiters.splice(0)) w();
        }
      });
    });
    req.on('error', reject);
  });
  req.end();
  return {
    events,
    status,
    ready,
    async next(match, ms = 5000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close() {
      res?.destroy();
      req.destroy();
    },
  };
}
