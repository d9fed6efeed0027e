import { describe, expect, it } from 'vitest';
import { parseEvents } from './sse.js';

describe('server-sent events', () => {
  it('splits complete events and keeps the cut-off rest for the next chunk', () => {
    const first = parseEvents('event: progress\ndata: {"progress":0.5}\n\nevent: done\ndata: {"sta');
    expect(first.events).toEqual([{ event: 'progress', data: '{"progress":0.5}' }]);
    const second = parseEvents(`${first.rest}tus":"succeeded"}\n\n`);
    expect(second.events).toEqual([{ event: 'done', data: '{"status":"succeeded"}' }]);
    expect(second.rest).toBe('');
  });

  it('joins data lines, ignores comments, defaults the event name and reads CRLF', () => {
    const { events } = parseEvents(': keep-alive\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
