import { receivingAgency } from '../../kit/shared/agencies';

/** Health's row in the agencies table (kit/shared/agencies.ts). */
export const HEALTH = receivingAgency('health');
