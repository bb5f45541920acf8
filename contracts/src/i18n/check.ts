import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { FALLBACK_LANGUAGE, SHIPPED_LANGUAGES } from './locales.ts';
import type { Catalogues } from './translator.ts';

export interface CatalogueProblem {
  readonly language: string;
  readonly key: string;
  readonly problem: string;
}

/** Argument names a message uses, with their kind (`plural`, `select`, `number`, `date`, `argument`…). */
export function messageArguments(message: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          found.set(element.value, found.get(element.value) ?? 'argument');
          break;
        case TYPE.number:
          found.set(element.value, 'number');
          break;
        case TYPE.date:
          found.set(element.value, 'date');
          break;
        case TYPE.time:
          found.set(element.value, 'time');
          break;
        case TYPE.select:
          found.set(element.value, 'select');
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.plural:
          found.set(element.value, 'plural');
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.tag:
          visit(element.children);
          break;
        default:
          break;
      }
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return found;
}

/**
 * What is wrong with a surface's catalogues: a key missing from or extra in a language, a message
 * that does not parse, or a message whose placeholders (names and kinds) differ from the fallback
 * language's. An empty list means every language has every key and every placeholder.
 */
export function catalogueProblems(catalogues: Catalogues): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const reference = catalogues[FALLBACK_LANGUAGE];
  const referenceArgs = new Map<string, Map<string, string>>();
  for (const [key, message] of Object.entries(reference)) {
    try {
      referenceArgs.set(key, messageArguments(message));
    } catch (error) {
      problems.push({ language: FALLBACK_LANGUAGE, key, problem: `does not parse: ${(error as Error).message}` });
    }
  }
  for (const language of SHIPPED_LANGUAGES) {
    const messages = catalogues[language];
    if (!messages) {
      problems.push({ language, key: '*', problem: 'no catalogue' });
      continue;
    }
    for (const key of Object.keys(reference)) {
      const message = messages[key];
      if (message === undefined) {
        problems.push({ language, key, problem: 'missing' });
        continue;
      }
      if (message.trim() === '') {
        problems.push({ language, key, problem: 'empty' });
        continue;
      }
      let args: Map<string, string>;
      try {
        args = messageArguments(message);
      } catch (error) {
        problems.push({ language, key, problem: `does not parse: ${(error as Error).message}` });
        continue;
      }
      const expected = referenceArgs.get(key);
      if (!expected) continue;
      const describe = (map: Map<string, string>) =>
        [...map.entries()]
          .map(([name, kind]) => `${name}:${kind}`)
          .sort()
          .join(', ');
      if (describe(args) !== describe(expected)) {
        problems.push({
          language,
          key,
          problem: `placeholders {${describe(args)}} differ from ${FALLBACK_LANGUAGE}'s {${describe(expected)}}`,
        });
      }
    }
    for (const key of Object.keys(messages)) {
      if (!(key in reference)) problems.push({ language, key, problem: `not in ${FALLBACK_LANGUAGE}` });
    }
  }
  return problems;
}
