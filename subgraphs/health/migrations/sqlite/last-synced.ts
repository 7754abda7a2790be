/**
 * sha256 of this agency's create-schema SQL as the last version with the start-up schema sync (the
 * one before migrations) applied it for this dialect: a database holding it is adopted as migrated up
 * to the first migration (kit/subgraph/migrations/legacy-sync.ts). Delete with that module.
 */
export const LAST_SYNCED_FINGERPRINT = 'a387f1dcb64155b2568c44a749fc774bcc3e2789695c4c8bc79f46c7dfc9e1b8';
