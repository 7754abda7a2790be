/**
 * sha256 of this agency's create-schema SQL as the last version with the start-up schema sync (the
 * one before migrations) applied it for this dialect: a database holding it is adopted as migrated up
 * to the first migration (kit/subgraph/migrations/legacy-sync.ts). Delete with that module.
 */
export const LAST_SYNCED_FINGERPRINT = '7d20d93080621cd228defbdd8898fda67b7514563127d71b3a96af726d75fac0';
