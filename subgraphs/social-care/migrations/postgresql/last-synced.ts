/**
 * sha256 of this agency's create-schema SQL as the last version with the start-up schema sync (the
 * one before migrations) applied it for this dialect: a database holding it is adopted as migrated up
 * to the first migration (kit/subgraph/migrations/legacy-sync.ts). Delete with that module.
 */
export const LAST_SYNCED_FINGERPRINT = '201135f8272cade95485dba6a225b4d0a01f233ab07da58f9de832da9f0b5a00';
