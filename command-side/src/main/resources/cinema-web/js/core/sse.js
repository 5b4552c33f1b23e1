// Server-Sent Events over fetch(): EventSource cannot send an Authorization header, and the
// alerts stream needs the token. One reader for both streams (the seat map's is public): it parses
// the event-stream format and reconnects after a pause when the stream ends or breaks.
export function subscribe(url, { token, onEvent, onState }) {
  let stopped = false;
  let controller = null;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { Accept: 'text/event-stream' };
        if (token) headers.Authorization = `Bearer ${token}`;
        const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error(`stream ${response.status}`);
        onState?.('live');
        await read(response.body.getReader(), onEvent);
      } catch (e) {
        if (stopped) return;
      }
      if (stopped) return;
      onState?.('reconnecting');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

async function read(reader, onEvent) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) continue; // keep-alive comment
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const val = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'event') name = val;
        else if (field === 'data') data.push(val);
      }
      if (data.length) {
        let parsed = data.join('\n');
        try { parsed = JSON.parse(parsed); } catch { /* plain text */ }
        onEvent(name, parsed);
      }
    }
  }
}
