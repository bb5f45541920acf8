import { describe, expect, it } from 'vitest';
import { extractJoinBlock, hasJoinLink, preserveJoinBlock } from './teams-join-block.ts';

const JOIN = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%7d&x=1';
const RULE = `<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">${'_'.repeat(80)}</span></div>`;
const BLOCK = `${RULE}\n<div class="me-email-text"><a href="${JOIN.replaceAll('&', '&amp;')}">Click here to join the meeting</a>\n${RULE}</div>`;
const CURRENT = `<html>\r\n<head></head>\r\n<body>\r\n<div data-confer="body"><p>Old agenda</p></div>\n${BLOCK}\r\n</body>\r\n</html>\r\n`;

describe('Teams join block', () => {
  it('finds the block Exchange appended, from its opening rule to the end of the body', () => {
    expect(extractJoinBlock(CURRENT, JOIN)).toBe(BLOCK);
  });

  it('re-inserts the block when a new body lacks the join link, and leaves a body that has it alone', () => {
    const next = '<div data-confer="body"><p>New agenda</p></div>';
    const merged = preserveJoinBlock(next, CURRENT, JOIN);
    expect(merged).toBe(`${next}\n${BLOCK}`);
    expect(merged).not.toContain('Old agenda');
    expect(hasJoinLink(merged, JOIN)).toBe(true);
    expect(preserveJoinBlock(merged, CURRENT, JOIN)).toBe(merged);
  });

  it('leaves in-person meetings untouched', () => {
    expect(preserveJoinBlock('<p>x</p>', '<p>y</p>', null)).toBe('<p>x</p>');
  });

  it('keeps a bare join link when the body has no recognisable block', () => {
    const merged = preserveJoinBlock('<p>New</p>', `<p>Join: <a href="${JOIN}">here</a></p>`, JOIN);
    expect(hasJoinLink(merged, JOIN)).toBe(true);
  });
});
