import type { Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';

export type Workspace = Output<typeof api.listWorkspaces>;

export const ROLE_TEXT: Record<Workspace['role'], string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};
