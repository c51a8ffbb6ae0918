// Decodes base64 and gunzips it with the browser's own DecompressionStream: no network, no URL,
// so it works from file:// and in a saved copy of the page.
export async function gunzipBase64(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
