/*
 * Turning what a person typed into a full-text query that can never be a syntax error. Only runs
 * of letters, digits and combining marks survive, so FTS5 operators (AND, NEAR(, *, quotes) and
 * SQL fragments become plain words. Pure functions, tested beside the search.
 */

const MAX_TERMS = 16;

/** The words of a query, in order, at most 16. */
export function searchTerms(query: string): string[] {
  return (query.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/** An FTS5 MATCH expression: every term quoted, all required, the last one as a prefix (search as you type). */
export function fts5Query(terms: string[]): string {
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * The two halves of the PostgreSQL query: the leading words for websearch_to_tsquery, and the
 * last word as a to_tsquery prefix (quoted; it holds only letters and digits).
 */
export function pgQueryParts(terms: string[]): { words: string; prefix: string } {
  const last = terms[terms.length - 1] ?? '';
  return { words: terms.slice(0, -1).join(' '), prefix: `'${last}':*` };
}
