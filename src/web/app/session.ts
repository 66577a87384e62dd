import { createContext, useContext } from 'react';
import type { Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';

export type Me = Output<typeof api.me>;

export interface Session {
  me: Me;
  workspaceId: string;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in app');
  return session;
}
