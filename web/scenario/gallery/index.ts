/** The built-in scenarios, in the order the gallery lists them. Each is replayed in CI (gallery.test.ts). */
import { blocking, fanOut, loadBalancing, xackBasics, xackPageOrder } from './basics.ts';
import { autoclaimSweeper, crashedConsumer, deadLetter, lag } from './recovery.ts';
import { ackdelDelex, readgroupClaim, trimming, xnack } from './redis8.ts';
import type { GalleryEntry } from './build.ts';

export type { GalleryEntry } from './build.ts';

export const GALLERY: readonly GalleryEntry[] = [
  xackBasics,
  xackPageOrder,
  loadBalancing,
  fanOut,
  blocking,
  crashedConsumer,
  autoclaimSweeper,
  deadLetter,
  lag,
  trimming,
  ackdelDelex,
  readgroupClaim,
  xnack,
];

export const galleryEntry = (id: string): GalleryEntry | undefined => GALLERY.find((g) => g.id === id);
