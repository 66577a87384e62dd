import { PlaybookFileSchema, type PlaybookBody } from '#contracts/playbooks.js';
import { careerPivot, promotion, soloFounder } from './builtin-career.js';
import { communityInitiative, nonprofit, sideProject } from './builtin-projects.js';

export interface PlaybookDefinition {
  key: string;
  name: string;
  description: string;
  body: PlaybookBody;
}

const SOURCES = [soloFounder, careerPivot, promotion, communityInitiative, nonprofit, sideProject];

let parsed: PlaybookDefinition[] | undefined;

/**
 * The six built-in playbooks, validated by the same schema as saved and imported ones (a
 * mistake in the data fails loudly on first use and in the tests, never half-applies).
 */
export function builtInPlaybooks(): PlaybookDefinition[] {
  parsed ??= SOURCES.map((source) => PlaybookFileSchema.parse(source));
  return parsed;
}

export function isBuiltInKey(key: string): boolean {
  return builtInPlaybooks().some((p) => p.key === key);
}
