/**
 * sha256 of this agency's create-schema SQL as the last version with the start-up schema sync (the
 * one before migrations) applied it for this dialect: a database holding it is adopted as migrated up
 * to the first migration (kit/subgraph/migrations/legacy-sync.ts). Delete with that module.
 */
export const LAST_SYNCED_FINGERPRINT = '33b8e572e9fd9d406ab06e518a9d8b766c390a30037226ddf43c4afa0582454d';
