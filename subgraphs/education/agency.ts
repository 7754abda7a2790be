import { receivingAgency } from '../../kit/shared/agencies';

/** Education's row in the agencies table (kit/shared/agencies.ts). */
export const EDUCATION = receivingAgency('education');
