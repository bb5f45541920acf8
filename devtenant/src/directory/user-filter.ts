import type { DirectoryUser } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import { userPropertyValue } from './user-view.ts';

export type UserPredicate = (user: DirectoryUser) => boolean;

type Token =
  | { kind: 'word'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' };

/** Properties `$filter` supports on users without advanced query parameters (Graph's user property table). */
const FILTERABLE = new Set([
  'id',
  'displayname',
  'givenname',
  'surname',
  'mail',
  'userprincipalname',
  'jobtitle',
  'department',
  'officelocation',
  'usertype',
  'accountenabled',
  'preferredlanguage',
]);
const STARTSWITH = new Set([
  'displayname',
  'givenname',
  'surname',
  'mail',
  'userprincipalname',
  'jobtitle',
  'department',
]);

/**
 * The OData `$filter` subset people pickers use on /users: `startswith(prop,'x')`, `prop eq 'x'`,
 * `prop in ('a','b')`, `not`, `and` (binds tighter) and `or`, parentheses. String matching is case-insensitive
 * as in the directory. Anything else is refused with 400 like Graph does.
 */
export function parseUserFilter(text: string): UserPredicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const take = () => {
    const token = tokens[position];
    position += 1;
    if (!token) throw invalid(text);
    return token;
  };
  const expectPunct = (value: string) => {
    const token = take();
    if (token.kind !== 'punct' || token.value !== value) throw invalid(text);
  };
  const parseOr = (): UserPredicate => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      take();
      const right = parseAnd();
      const l = left;
      left = (u) => l(u) || right(u);
    }
    return left;
  };
  const parseAnd = (): UserPredicate => {
    let left = parseTerm();
    while (isWord(peek(), 'and')) {
      take();
      const right = parseTerm();
      const l = left;
      left = (u) => l(u) && right(u);
    }
    return left;
  };
  const parseTerm = (): UserPredicate => {
    const token = take();
    if (token.kind === 'punct' && token.value === '(') {
      const inner = parseOr();
      expectPunct(')');
      return inner;
    }
    if (token.kind !== 'word') throw invalid(text);
    if (token.value.toLowerCase() === 'not') {
      const inner = parseTerm();
      return (u) => !inner(u);
    }
    if (token.value.toLowerCase() === 'startswith') {
      expectPunct('(');
      const property = propertyName(take(), STARTSWITH, text);
      expectPunct(',');
      const value = stringValue(take(), text).toLowerCase();
      expectPunct(')');
      return (u) => (userPropertyValue(u, property) ?? '').toString().toLowerCase().startsWith(value);
    }
    const property = propertyName(token, FILTERABLE, text);
    const operator = take();
    if (isWord(operator, 'eq') || isWord(operator, 'ne')) {
      const value = literal(take(), text);
      const equal = (u: DirectoryUser) => same(userPropertyValue(u, property), value);
      return isWord(operator, 'eq') ? equal : (u) => !equal(u);
    }
    if (isWord(operator, 'in')) {
      expectPunct('(');
      const values = [stringValue(take(), text)];
      while (isPunct(peek(), ',')) {
        take();
        values.push(stringValue(take(), text));
      }
      expectPunct(')');
      return (u) => values.some((v) => same(userPropertyValue(u, property), v));
    }
    throw unsupported();
  };
  const predicate = parseOr();
  if (position !== tokens.length) throw invalid(text);
  return predicate;
}

function same(actual: unknown, expected: string | boolean | null): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'boolean') return actual === expected;
  return typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) i += 1;
    else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch });
      i += 1;
    } else if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw invalid(text);
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i += 1;
          break;
        } else {
          value += text[i];
          i += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else {
      const match = /^[A-Za-z0-9_.@/-]+/.exec(text.slice(i));
      if (!match) throw invalid(text);
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.value.toLowerCase() === word;
}

function isPunct(token: Token | undefined, value: string): boolean {
  return token?.kind === 'punct' && token.value === value;
}

function propertyName(token: Token, allowed: ReadonlySet<string>, text: string): string {
  if (token.kind !== 'word') throw invalid(text);
  if (!allowed.has(token.value.toLowerCase())) throw unsupported();
  return token.value;
}

function stringValue(token: Token, text: string): string {
  if (token.kind !== 'string') throw invalid(text);
  return token.value;
}

function literal(token: Token, text: string): string | boolean | null {
  if (token.kind === 'string') return token.value;
  if (isWord(token, 'null')) return null;
  if (isWord(token, 'true')) return true;
  if (isWord(token, 'false')) return false;
  throw invalid(text);
}

function invalid(text: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'BadRequest',
    `Invalid filter clause: '${text}' is not a supported filter expression.`,
  );
}

function unsupported(): GraphHttpError {
  return new GraphHttpError(
    400,
    'Request_UnsupportedQuery',
    'Unsupported or invalid query filter clause specified for property or operator.',
  );
}
