import { leadAgency } from '../../kit/shared/agencies';

/** Social care's row in the agencies table (kit/shared/agencies.ts): the lead agency. */
export const SOCIAL_CARE = leadAgency('social-care');
