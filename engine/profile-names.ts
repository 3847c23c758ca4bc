/** The server profiles' names, apart from their data (engine/profiles.ts), so the page can check one cheaply. */

export type ProfileName = 'redis-8' | 'redis-8.0' | 'redis-7.0';

export const PROFILE_NAMES: readonly ProfileName[] = ['redis-8', 'redis-8.0', 'redis-7.0'];

/** The server the engine, a scenario or a lesson reproduces unless it names another: the newest. */
export const DEFAULT_PROFILE: ProfileName = 'redis-8';

export function isProfileName(s: string): s is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(s);
}

/** How the page names each server. */
export const PROFILE_LABELS: Readonly<Record<ProfileName, string>> = { 'redis-8': 'Redis 8.x', 'redis-8.0': 'Redis 8.0', 'redis-7.0': 'Redis 7.0' };
