import { describe, expect, it } from 'vitest';
import { buildMeetingBody, meetingUrl } from './meeting-body.ts';

describe('buildMeetingBody', () => {
  it('escapes the agenda and links back to the meeting', () => {
    const html = buildMeetingBody({
      agenda: 'Goals <b>& blockers</b>\nNext steps',
      meetingUrl: meetingUrl('https://confer.example.com', 'm-1'),
      typeName: 'Mentoring session',
    });
    expect(html).toContain('Goals &#60;b&#62;&#38; blockers&#60;/b&#62;<br>Next steps');
    expect(html).toContain('href="https://confer.example.com/#/meetings/m-1"');
    expect(html).toContain('<strong>Mentoring session</strong>');
    expect(html).not.toContain('<b>');
  });

  it('leaves out an empty agenda', () => {
    expect(buildMeetingBody({ agenda: '  ', meetingUrl: 'u', typeName: null })).not.toContain('<p></p>');
  });
});
