/** Embed mode's URL parameters: `?embed&panes=console|diagram|both&theme=light|dark&prompt=…&autoplay&origin=…`. */
export interface EmbedOptions {
  readonly panes: 'console' | 'diagram' | 'both';
  readonly theme: 'light' | 'dark' | null;
  readonly prompt: string | null;
  readonly autoplay: boolean;
}

/** null when the page is not in embed mode. Unknown values fall back to defaults. */
export function embedOptions(search: string): EmbedOptions | null {
  const p = new URLSearchParams(search);
  if (!p.has('embed')) return null;
  const panes = p.get('panes');
  const theme = p.get('theme');
  const prompt = p.get('prompt');
  return {
    panes: panes === 'console' || panes === 'diagram' ? panes : 'both',
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    prompt: prompt && /^[\w.:-]{1,40}$/.test(prompt) ? prompt : null,
    autoplay: p.has('autoplay') && p.get('autoplay') !== 'false',
  };
}
