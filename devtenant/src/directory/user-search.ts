import type { DirectoryUser } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import type { UserPredicate } from './user-filter.ts';
import { userPropertyValue } from './user-view.ts';

const SEARCHABLE = new Set([
  'displayname',
  'givenname',
  'surname',
  'mail',
  'userprincipalname',
  'jobtitle',
  'department',
  'mailnickname',
]);

/**
 * Directory `$search` (advanced query, people pickers): `"property:term"` clauses joined by OR / AND. The
 * directory tokenises values into words (also at `.`, `_`, `@`) and matches a clause when a word starts with
 * the term, case-insensitively; an unquoted clause is a syntax error.
 */
export function parseUserSearch(text: string): UserPredicate {
  const clauses = splitClauses(text.trim());
  let predicate: UserPredicate | undefined;
  let joiner: 'or' | 'and' = 'or';
  for (const part of clauses) {
    if (/^(or|and)$/i.test(part)) {
      joiner = part.toLowerCase() as 'or' | 'and';
      continue;
    }
    const clause = parseClause(part);
    const previous = predicate;
    predicate = !previous
      ? clause
      : joiner === 'or'
        ? (u) => previous(u) || clause(u)
        : (u) => previous(u) && clause(u);
  }
  if (!predicate) throw invalidSearch(text);
  return predicate;
}

function splitClauses(text: string): string[] {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] !== undefined) parts.push(`"${match[1]}"`);
    else if (match[2]) parts.push(match[2]);
  }
  return parts;
}

function parseClause(part: string): UserPredicate {
  if (!part.startsWith('"') || !part.endsWith('"')) throw invalidSearch(part);
  const inner = part.slice(1, -1);
  const colon = inner.indexOf(':');
  if (colon <= 0) throw invalidSearch(part);
  const property = inner.slice(0, colon);
  const term = inner
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  if (!SEARCHABLE.has(property.toLowerCase())) {
    throw new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      `Unsupported query: $search is not supported on property '${property}'.`,
    );
  }
  return (user: DirectoryUser) => {
    const value = String(userPropertyValue(user, property) ?? '').toLowerCase();
    if (term === '') return true;
    return value.startsWith(term) || value.split(/[\s._@-]+/).some((word) => word.startsWith(term));
  };
}

function invalidSearch(text: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'BadRequest',
    `Syntax error: the $search clause ${text} is not valid. Use "property:term" clauses.`,
  );
}
