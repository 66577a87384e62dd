import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';

export type FeedItem = Output<typeof api.showFeedItem>;
type FeedEvent = { type: 'win' | 'kudos' | 'comment' | 'decision' | 'resync'; id: string };

const PAGE = 20;

/**
 * The feed of a workspace, kept live: the server streams ids of what changed (server-sent events),
 * and each one is read again through the API, so who may see what is decided in one place.
 */
export function useFeed(workspaceId: string, onDecision: () => void) {
  const [items, setItems] = useState<FeedItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const decisionRef = useRef(onDecision);
  decisionRef.current = onDecision;

  const load = useCallback(async () => {
    try {
      const page = await call(api.listFeed, { limit: PAGE });
      setItems(page.items);
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  const refresh = useCallback(async (winId: string) => {
    try {
      const item = await call(api.showFeedItem, { winId });
      setItems((list) => {
        const current = list ?? [];
        if (current.some((i) => i.id === item.id)) return current.map((i) => (i.id === item.id ? item : i));
        return [item, ...current].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
      });
    } catch {
      setItems((list) => list?.filter((i) => i.id !== winId) ?? list);
    }
  }, []);

  useEffect(() => {
    setItems(null);
    void load();
    const source = new EventSource(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/feed/events`);
    source.addEventListener('ready', () => {
      setLive(true);
    });
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as FeedEvent;
      if (event.type === 'decision') decisionRef.current();
      else if (event.type === 'resync') void load();
      else void refresh(event.id);
    };
    source.addEventListener('closed', () => {
      setLive(false);
      source.close();
    });
    source.onerror = () => {
      // The browser reconnects by itself; read the page again once it is back.
      setLive(false);
      source.addEventListener('ready', () => void load(), { once: true });
    };
    return () => source.close();
  }, [workspaceId, load, refresh]);

  const more = async (): Promise<void> => {
    if (!cursor) return;
    try {
      const page = await call(api.listFeed, { limit: PAGE, before: cursor });
      setItems((list) => [...(list ?? []), ...page.items.filter((i) => !list?.some((x) => x.id === i.id))]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const update = (id: string, change: (item: FeedItem) => FeedItem): void => {
    setItems((list) => list?.map((i) => (i.id === id ? change(i) : i)) ?? list);
  };

  return { items, cursor, error, live, load, more, update, refresh };
}
