/**
 * sha256 of this agency's create-schema SQL as the last version with the start-up schema sync (the
 * one before migrations) applied it for this dialect: a database holding it is adopted as migrated up
 * to the first migration (kit/subgraph/migrations/legacy-sync.ts). Delete with that module.
 */
export const LAST_SYNCED_FINGERPRINT = '4753b057dcbbc5bee9a77b3dd5d64eb61f7677f62a1721dc31a41533ffdc0389';
