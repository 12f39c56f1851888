/**
 * Browser adapter: GET a JSON file of the app's own. The error names the file
 * and the fix; a host that answers a missing file with its index page
 * (HTML, status 200) is recognised as "missing".
 */
export async function fetchJson(url: string, fix = 'rebuild it with `npm run demo:data`'): Promise<unknown> {
  const name = new URL(url).pathname.split('/').slice(-2).join('/');
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${name}: could not be fetched (${(e as Error).message})`);
  }
  if (!res.ok || (res.headers.get('content-type') ?? '').includes('text/html')) {
    throw new Error(`${name} is missing on the server (${res.ok ? 'got an HTML page instead' : `HTTP ${res.status}`}): ${fix}`);
  }
  try {
    return await res.json();
  } catch (e) {
    throw new Error(`${name} is not valid JSON (${(e as Error).message}): ${fix}`);
  }
}
