import { apiFetch } from './api.js';

export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Splits server-sent events out of text as it arrives: returns the complete events and the rest
 * (an event cut off by a chunk's end), which goes in front of the next chunk.
 */
export function parseEvents(buffer: string): { events: ServerEvent[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return data.length > 0 ? [{ event, data: data.join('\n') }] : [];
  });
  return { events, rest };
}

/**
 * Follows `/api/v1<path>` as server-sent events. EventSource cannot send an Authorization header,
 * so the stream is read through fetch. Resolves when the server ends the stream.
 */
export async function followEvents(path: string, onEvent: (event: ServerEvent) => void): Promise<void> {
  const response = await apiFetch(path, { headers: { accept: 'text/event-stream' } });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) return;
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parsed = parseEvents(buffer + value);
    buffer = parsed.rest;
    for (const event of parsed.events) onEvent(event);
  }
}
