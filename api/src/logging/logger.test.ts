import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('logger', () => {
  it('redacts tokens, secrets and calendar contents by field name, at any depth', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line)).child({ requestId: 'r1' });
    logger.info('graph call', {
      authorization: 'Bearer eyJ...',
      nested: { accessToken: 'abc', subject: 'Salary review', status: 200 },
      clientSecret: 'x',
    });
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({
      level: 'info',
      message: 'graph call',
      requestId: 'r1',
      authorization: '[redacted]',
      clientSecret: '[redacted]',
      nested: { accessToken: '[redacted]', subject: '[redacted]', status: 200 },
    });
    expect(lines[0]).not.toContain('eyJ');
    expect(lines[0]).not.toContain('Salary');
  });

  it('drops entries below the configured level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('quiet');
    logger.error('loud');
    expect(lines).toHaveLength(1);
  });
});
