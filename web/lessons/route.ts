/** Which lesson link a location hash is (kept tiny: the app imports it eagerly to decide on lesson mode). */
export type Route =
  | { readonly kind: 'course' }
  | { readonly kind: 'lesson'; readonly id: string }
  | { readonly kind: 'workshop' | 'file'; readonly data: string };

/** What a location hash asks for, or null when it is not a lesson link. */
export function parseRoute(hash: string): Route | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === 'course') return { kind: 'course' };
  const m = /^(lesson|workshop|lessonfile)=(.*)$/s.exec(h);
  if (!m) return null;
  if (m[1] === 'lesson') return { kind: 'lesson', id: decoded(m[2]).slice(0, 64) };
  return { kind: m[1] === 'workshop' ? 'workshop' : 'file', data: m[2] };
}

export const lessonHash = (id: string): string => `#lesson=${encodeURIComponent(id)}`;


function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
