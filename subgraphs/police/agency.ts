import { receivingAgency } from '../../kit/shared/agencies';

/** The police's row in the agencies table (kit/shared/agencies.ts). */
export const POLICE = receivingAgency('police');
