import { describe, expect, it } from 'vitest';
import { namedPeopleOf } from './access-words.ts';

describe('namedPeopleOf', () => {
  it.each([
    ['', []],
    ['  \n ', []],
    ['adelev@contoso.com', ['adelev@contoso.com']],
    ['a@x.com, b@x.com;c@x.com\nd@x.com', ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']],
    ['A@x.com\na@x.com', ['A@x.com']],
  ])('reads %j', (text, people) => {
    expect(namedPeopleOf(text)).toEqual(people);
  });
});
