import { receivingAgency } from '../../kit/shared/agencies';

/** The youth justice service's row in the agencies table (kit/shared/agencies.ts). */
export const YOUTH_JUSTICE = receivingAgency('youth-justice');
