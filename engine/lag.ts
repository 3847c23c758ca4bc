/**
 * Consumer-group `entries-read` and `lag` (reference §4.10). Owned by the read-path work; XINFO uses `groupLag`.
 */
export {};
