import { get } from 'node:https';

/**
 * GET over https without certificate checks (--insecure-options=tls), which Node's fetch cannot do
 * without undici's dispatcher. No keep-alive agent, so nothing outlives the request. Redirects are
 * not followed.
 */
export function httpsGetInsecure(url: string, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const req = get(url, { rejectUnauthorized: false, agent: false, timeout: timeoutMs }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP status ${res.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) req.destroy(new Error(`larger than ${maxBytes} bytes`));
        else chunks.push(c);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}
